// taizhang init [DIR]: a commented config and a new database, refusing to overwrite either.
#include "cli.h"

#include "taizhang/error.h"

#include <fmt/format.h>

#include <fstream>
#include <iostream>

namespace cli {
namespace fs = std::filesystem;
using namespace taizhang;

void build_init(CLI::App* sub, Globals& g) {
  auto dir = std::make_shared<std::string>(".");
  sub->add_option("dir", *dir, "Folder for taizhang.toml and taizhang.db (default: the current folder)");
  sub->callback([&g, dir] {
    const fs::path folder = *dir;
    std::error_code ec;
    if (!fs::exists(folder, ec)) {
      if (!fs::create_directory(folder, ec)) {
        throw Error(Status::io, fmt::format("cannot create folder {}: {}", folder.string(), ec.message()));
      }
    }
    const fs::path config_file = folder / "taizhang.toml";
    const fs::path db_file = folder / Config{}.database;
    for (const fs::path& p : {config_file, db_file}) {
      if (fs::exists(p, ec)) throw Error(Status::io, fmt::format("{} already exists; refusing to overwrite it", p.string()));
    }
    create_store(db_file);
    const fs::path temp = config_file.string() + ".tmp";
    {
      std::ofstream out(temp, std::ios::binary | std::ios::trunc);
      out << config_template();
      if (!out.flush()) {
        fs::remove(db_file, ec);
        throw Error(Status::io, fmt::format("cannot write {}", config_file.string()));
      }
    }
    fs::rename(temp, config_file);
    say(g, fmt::format("created {} and {}", config_file.string(), db_file.string()));
  });
}

}  // namespace cli
