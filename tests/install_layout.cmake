# Installs the build into a fresh prefix and checks the layout a desktop and a user
# rely on: executables, launcher, AppStream data, icon, the embedded model, and that the
# installed inkling-cli finds that model by itself (no source tree, no environment).
# Usage: cmake -DBUILD_DIR=... -DPREFIX=... -DPROMPT=... -DEXPECTED=... -P install_layout.cmake
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()
foreach(f bin/inkling bin/inkling-cli
          share/applications/org.inkling.Inkling.desktop
          share/metainfo/org.inkling.Inkling.metainfo.xml
          share/icons/hicolor/scalable/apps/org.inkling.Inkling.svg
          share/inkling/models/inkling-tiny/model.safetensors
          share/inkling/models/inkling-tiny/vocab.json)
    if(NOT EXISTS "${PREFIX}/${f}")
        message(FATAL_ERROR "missing after install: ${f}")
    endif()
endforeach()
# Copy the installed tree elsewhere: the model must be found relative to the binary.
file(REMOVE_RECURSE "${PREFIX}-moved")
file(COPY "${PREFIX}/" DESTINATION "${PREFIX}-moved")
execute_process(COMMAND env -u INKLING_MODEL_DIR "${PREFIX}-moved/bin/inkling-cli" complete --precision f32 --greedy --stats --max-tokens 6 "${PROMPT}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "installed inkling-cli failed (${rc}): ${err}")
endif()
string(FIND "${err}" "model directory ${PREFIX}-moved/share/inkling/models/inkling-tiny" found)
if(found EQUAL -1)
    message(FATAL_ERROR "installed inkling-cli did not use the installed model: ${err}")
endif()
string(FIND "${out}" "${EXPECTED}" at)
if(NOT at EQUAL 0)
    message(FATAL_ERROR "installed inkling-cli printed '${out}', expected it to start with '${EXPECTED}'")
endif()
file(REMOVE_RECURSE "${PREFIX}" "${PREFIX}-moved")
message(STATUS "install layout ok")
