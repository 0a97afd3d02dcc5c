# Turns the schema migrations under data/schema/ into a C++ source, so the SQL lives
# in data/ (where it ships and is read) while the library never reads files to migrate.
# Inputs: OUTPUT, and FILES (a |-separated list of .sql files in migration order).
string(REPLACE "|" ";" FILES "${FILES}")
set(out "// Generated from data/schema/*.sql by cmake/embed.cmake; edit those files instead.\n")
string(APPEND out "#include \"taizhang/migrations.h\"\n\nnamespace taizhang {\n\n")
string(APPEND out "const std::vector<Migration>& migrations() {\n  static const std::vector<Migration> list = {\n")
set(version 0)
foreach(f IN LISTS FILES)
  math(EXPR version "${version} + 1")
  file(READ "${f}" sql)
  get_filename_component(name "${f}" NAME_WE)
  string(APPEND out "    {${version}, \"${name}\", R\"taizhang_sql(${sql})taizhang_sql\"},\n")
endforeach()
string(APPEND out "  };\n  return list;\n}\n\n}  // namespace taizhang\n")
file(WRITE "${OUTPUT}.tmp" "${out}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
