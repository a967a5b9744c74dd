# The Debian package (./inkling.sh package): CPack's DEB generator over the install
# rules, with the library dependencies read from the binaries by dpkg-shlibdeps. Qt
# loads its platform and image plugins at run time, so those packages are named here.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME inkling)
set(CPACK_PACKAGE_VENDOR "The Inkling developers")
set(CPACK_PACKAGE_CONTACT "The Inkling developers <inkling@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "writing assistant with local GPT-2 suggestions")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "writing assistant with local GPT-2 suggestions\n"
    " Inkling is a text editor for prose and code. While you write, a GPT-2 language\n"
    " model running on your own CPU proposes how the word, sentence or paragraph goes\n"
    " on, shown inline as dimmed text; Tab accepts it. Nothing leaves the computer.\n"
    " .\n"
    " The package includes a small embedded model, so suggestions work at once.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # inkling_<version>_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION editors)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/inkling/inkling")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, qt6-svg-plugins")
# Spell checking: Sonnet's Hunspell plugin and a dictionary (without them it is simply off).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "qt6-translations-l10n, fonts-dejavu-core, sonnet6-plugins, hunspell-en-us | hunspell-dictionary")
# Only what a user runs: the application, the CLI, the model and desktop files (the
# tests and benchmarks install nothing).
set(CPACK_STRIP_FILES ON)
include(CPack)
