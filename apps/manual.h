#pragma once
// The manual pages as scdoc source, made from the command tree (command_tree.h) and the
// config's key tables (config.h), so that a verb, kind, option or key can not exist without
// its page saying so. Hand-written prose comes in as text: doc/man/ holds it, and
// doc/man/generate.cc (run at build time) reads it, calls these and hands the result to scdoc.

#include "command_tree.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cli {

/// Text as scdoc reads it literally: its markup characters (`*`, `_`, `\`) escaped, and
/// `code` spans, as help strings write them, made bold. Line breaks become spaces: help
/// and documentation strings are paragraphs.
std::string scdoc_text(std::string_view text);

/// A verb page's hand-written prose (doc/man/verbs/VERB.scd): the text before its first
/// "# HEADING" goes into DESCRIPTION; each section after it follows the generated ones
/// (an EXIT STATUS section goes before the list of statuses, a SEE ALSO one after it).
struct Prose {
  std::string description;
  std::vector<std::pair<std::string, std::string>> sections;  ///< heading, body
};

Prose parse_prose(const std::string& text);

/// taizhang-VERB(1): `verb` is a subcommand of describe() of the whole tree.
std::string verb_page(const CommandSpec& verb, const Prose& prose);

/// taizhang(1) from its hand-written source, with @VERBS@, @GLOBAL_OPTIONS@, @EXIT_STATUS@ and
/// @SEE_ALSO@ filled in from `root` (describe() of the whole tree).
std::string main_page(const std::string& source, const CommandSpec& root);

/// taizhang.toml(5) from its hand-written source, with @KEYS@, @LEAVE_TYPES@ and
/// @AUDIT_CHECKS@ filled in from the config's key tables and the audit's catalogue.
std::string config_page(const std::string& source);

/// The page name of a verb: "taizhang-import".
std::string page_name(const CommandSpec& verb);

}  // namespace cli
