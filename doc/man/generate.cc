// Writes the manual's scdoc sources into OUT: taizhang.1.scd and taizhang.toml.5.scd from
// their hand-written sources in SRC with the generated parts filled in, and a
// taizhang-VERB.1.scd for every verb of the command tree, with SRC/verbs/VERB.scd's prose
// when there is one. doc/CMakeLists.txt runs it at build time and hands the files to scdoc.
#include "app.h"
#include "command_tree.h"
#include "manual.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary);
  out << text;
  if (!out.flush()) throw std::runtime_error("cannot write " + file.string());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: taizhang_manual SRC OUT\n";
    return 64;
  }
  const fs::path src = argv[1], out = argv[2];
  try {
    CLI::App app;
    cli::Globals g;
    cli::build_app(app, g, "*");
    const cli::CommandSpec root = cli::describe(app);
    fs::create_directories(out);
    // A page of a verb that is gone must not stay behind to be installed.
    for (const auto& e : fs::directory_iterator(out)) {
      if (e.path().extension() == ".scd") fs::remove(e.path());
    }
    write(out / "taizhang.1.scd", cli::main_page(read(src / "taizhang.1.scd"), root));
    write(out / "taizhang.toml.5.scd", cli::config_page(read(src / "taizhang.toml.5.scd")));
    std::set<std::string> verbs;
    for (const cli::CommandSpec& verb : root.subcommands) {
      verbs.insert(verb.path.back());
      const fs::path prose_file = src / "verbs" / (verb.path.back() + ".scd");
      const cli::Prose prose = fs::exists(prose_file) ? cli::parse_prose(read(prose_file)) : cli::Prose{};
      write(out / (cli::page_name(verb) + ".1.scd"), cli::verb_page(verb, prose));
    }
    // Prose for a verb the tree does not have (renamed, or misspelt) would be lost silently.
    for (const auto& e : fs::directory_iterator(src / "verbs")) {
      if (!verbs.count(e.path().stem().string())) {
        std::cerr << "taizhang_manual: " << e.path().string() << ": no verb '" << e.path().stem().string() << "'\n";
        return 65;
      }
    }
  } catch (const std::exception& e) {
    std::cerr << "taizhang_manual: " << e.what() << "\n";
    return 70;
  }
  return 0;
}
