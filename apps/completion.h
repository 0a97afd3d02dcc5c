#pragma once
// Shell completion for bash and zsh, generated from the command tree (command_tree.h): the
// scripts carry the verbs, kinds, options and fixed choices as they are in this build, and
// ask `taizhang completion values` for what only the ledger or the config knows (工号,
// department codes, leave types).

#include "command_tree.h"

#include <string>

namespace cli {

/// A bash script that defines _taizhang and registers it with `complete -F` for taizhang.
std::string bash_completion(const CommandSpec& root);

/// A zsh script (#compdef taizhang) that defines _taizhang; sourced, it registers itself too.
std::string zsh_completion(const CommandSpec& root);

/// What completion calls a source in the scripts and in `taizhang completion values`:
/// "person", "department", "leave-type", "file", "dir"; "text" for none.
const char* source_name(ValueSource source);

}  // namespace cli
