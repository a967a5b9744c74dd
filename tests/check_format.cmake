# ctest -P script: every C++ source of the project is formatted as .clang-format says.
# The check fails on the first difference and names the files, so a change that slips
# by the formatter is caught by the suite (fix with: clang-format -i FILE...).
#   cmake -DCLANG_FORMAT=PATH -DSOURCE_DIR=DIR -P check_format.cmake
set(_folders app bench engine service tests ui)
set(_sources "")
foreach(_folder IN LISTS _folders)
    file(GLOB_RECURSE _found LIST_DIRECTORIES false
         "${SOURCE_DIR}/${_folder}/*.cpp" "${SOURCE_DIR}/${_folder}/*.h")
    list(APPEND _sources ${_found})
endforeach()
# The development set's code files are other people's text, not ours to format.
list(FILTER _sources EXCLUDE REGEX "/tests/data/")
list(LENGTH _sources _count)
if(_count LESS 50)
    message(FATAL_ERROR "found only ${_count} sources under ${SOURCE_DIR}: wrong folder?")
endif()
execute_process(
    COMMAND "${CLANG_FORMAT}" --dry-run --Werror --style=file ${_sources}
    WORKING_DIRECTORY "${SOURCE_DIR}"
    RESULT_VARIABLE _result
    ERROR_VARIABLE _errors)
if(NOT _result EQUAL 0)
    string(REGEX MATCHALL "[^\n]*: error: code should be clang-formatted" _lines "${_errors}")
    list(TRANSFORM _lines REPLACE ":[0-9]+:[0-9]+: error: code should be clang-formatted" "")
    list(TRANSFORM _lines REPLACE "^${SOURCE_DIR}/" "")
    list(REMOVE_DUPLICATES _lines)
    list(JOIN _lines "\n  " _files)
    message(FATAL_ERROR "not formatted as .clang-format says (clang-format -i FILE):\n  ${_files}")
endif()
message(STATUS "${_count} sources formatted as .clang-format says")
