# Turns data/cn-calendar.csv (date,kind,name) into a C++ source, so the library carries the
# national calendar it was built with and never has to find data files at run time.
# Inputs: INPUT (the CSV), OUTPUT.
file(STRINGS "${INPUT}" lines ENCODING UTF-8)
set(out "// Generated from data/cn-calendar.csv by cmake/embed_calendar.cmake; edit that file instead.\n")
string(APPEND out "#include \"taizhang/calendar_data.h\"\n\nnamespace taizhang {\n\n")
string(APPEND out "const std::vector<NationalDay>& national_calendar_rows() {\n  static const std::vector<NationalDay> rows = {\n")
list(POP_FRONT lines)  # the header
foreach(line IN LISTS lines)
  string(REPLACE "," ";" cells "${line}")
  list(GET cells 0 date)
  list(GET cells 1 kind)
  list(GET cells 2 name)
  string(APPEND out "    {\"${date}\", \"${kind}\", \"${name}\"},\n")
endforeach()
string(APPEND out "  };\n  return rows;\n}\n\n}  // namespace taizhang\n")
file(WRITE "${OUTPUT}.tmp" "${out}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
