# cmake -DSCDOC=scdoc -DSOURCES=DIR -DOUTPUT=DIR -P scdoc.cmake: every DIR/NAME.N.scd through
# scdoc into OUTPUT/NAME.N, after removing the pages of an earlier run (a verb removed since
# must not leave its page to be installed). scdoc reads standard input only. Each page is also
# written gzipped (-9n: the same bytes every build) into OUTPUT/gz, as Debian installs pages.
file(GLOB old "${OUTPUT}/*.1" "${OUTPUT}/*.5" "${OUTPUT}/gz/*.gz")
if(old)
  file(REMOVE ${old})
endif()
file(GLOB sources "${SOURCES}/*.scd")
foreach(source IN LISTS sources)
  get_filename_component(name "${source}" NAME)
  string(REGEX REPLACE "\\.scd$" "" page "${name}")
  execute_process(COMMAND ${SCDOC} INPUT_FILE ${source} OUTPUT_FILE ${OUTPUT}/${page}
                  ERROR_VARIABLE error RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    file(REMOVE ${OUTPUT}/${page})
    message(FATAL_ERROR "scdoc ${name}: ${error}")
  endif()
  # scdoc turns hyphenation off before .TH, which turns it back on: a kind or an option
  # broken across lines ("find-ing-entries") would be typed wrong. Off again after it.
  file(READ ${OUTPUT}/${page} roff)
  string(REGEX REPLACE "(\n\\.TH [^\n]*\n)" "\\1.nh\n.ad l\n" roff "${roff}")
  file(WRITE ${OUTPUT}/${page} "${roff}")
  file(MAKE_DIRECTORY ${OUTPUT}/gz)
  execute_process(COMMAND gzip -9nc ${OUTPUT}/${page} OUTPUT_FILE ${OUTPUT}/gz/${page}.gz RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "gzip ${page} failed")
  endif()
endforeach()
