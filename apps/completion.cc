// Shell completion scripts generated from the command tree (completion.h).
//
// Both scripts share the same data functions, plain `case` statements that bash and zsh
// read alike, made from the tree:
//   _taizhang_commands PATH     "name:help" of each subcommand of PATH ("" is taizhang)
//   _taizhang_canon PATH WORD   the subcommand WORD names (a name or an alias), if any
//   _taizhang_options PATH      "--name:help" of each option PATH has itself
//   _taizhang_value PATH OPT    what OPT of PATH takes: flag, text, file, dir, person,
//                               department, leave-type or choice:WORD…
//   _taizhang_positional PATH N what the Nth positional argument of PATH is (from 0)
// and each shell's own function walks the words typed so far through them. Options of a
// command apply to its subcommands too (CLI11's fallthrough), so options and values are
// looked up from PATH up to the root.
#include "completion.h"

#include <fmt/format.h>

#include <functional>
#include <string>
#include <vector>

namespace cli {
namespace {

/// `s` as one shell word in single quotes.
std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else if (c == '\n' || c == '\t') out += ' ';
    else out += c;
  }
  return out + "'";
}

std::string joined(const std::vector<std::string>& words, const char* separator) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : separator) + w;
  return out;
}

std::string what_to_offer(const OptionSpec& o) {
  if (!o.takes_value) return "flag";
  if (o.source == ValueSource::choice) return "choice:" + joined(o.choices, " ");
  return source_name(o.source);
}

void walk(const CommandSpec& c, const std::function<void(const CommandSpec&)>& f) {
  f(c);
  for (const CommandSpec& sub : c.subcommands) walk(sub, f);
}

std::string data_functions(const CommandSpec& root) {
  std::string commands, canon, options, values, positionals;
  walk(root, [&](const CommandSpec& c) {
    const std::string path = joined(c.path, " ");
    if (!c.subcommands.empty()) {
      commands += fmt::format("    {}) printf '%s\\n'", quote(path));
      for (const CommandSpec& sub : c.subcommands) {
        commands += " \\\n        " + quote(sub.path.back() + ":" + sub.help);
        std::vector<std::string> patterns{quote(path + "|" + sub.path.back())};
        for (const std::string& alias : sub.aliases) patterns.push_back(quote(path + "|" + alias));
        canon += fmt::format("    {}) echo {} ;;\n", joined(patterns, "|"), quote(sub.path.back()));
      }
      commands += " ;;\n";
    }
    if (!c.options.empty()) {
      options += fmt::format("    {}) printf '%s\\n'", quote(path));
      for (const OptionSpec& o : c.options) {
        for (const std::string& name : o.names) {
          if (name.starts_with("--")) options += " \\\n        " + quote(name + ":" + o.help);
        }
        std::vector<std::string> patterns;
        for (const std::string& name : o.names) patterns.push_back(quote(path + "|" + name));
        values += fmt::format("    {}) echo {} ;;\n", joined(patterns, "|"), quote(what_to_offer(o)));
      }
      options += " ;;\n";
    }
    for (std::size_t i = 0; i < c.positionals.size(); ++i) {
      const OptionSpec& p = c.positionals[i];
      const std::string pattern = p.repeats && i + 1 == c.positionals.size()
                                      ? quote(path + "|") + "*"
                                      : quote(fmt::format("{}|{}", path, i));
      positionals += fmt::format("    {}) echo {} ;;\n", pattern, quote(what_to_offer(p)));
    }
  });
  std::string s;
  s += "_taizhang_commands() {\n  case \"$1\" in\n" + commands + "  esac\n}\n\n";
  s += "_taizhang_canon() {\n  case \"$1|$2\" in\n" + canon + "  esac\n}\n\n";
  s += "_taizhang_options() {\n  case \"$1\" in\n" + options + "  esac\n}\n\n";
  s += "_taizhang_value() {\n  case \"$1|$2\" in\n" + values + "  esac\n}\n\n";
  s += "_taizhang_positional() {\n  case \"$1|$2\" in\n" + positionals + "  esac\n}\n\n";
  // Up the path to the root: the first answer wins for a value, every level's options count.
  s += R"sh(_taizhang_lookup_value() {
  local p=$1 answer
  while :; do
    answer=$(_taizhang_value "$p" "$2")
    if [[ -n $answer ]]; then echo "$answer"; return; fi
    [[ -z $p ]] && return
    if [[ $p == *' '* ]]; then p=${p% *}; else p=; fi
  done
}

_taizhang_all_options() {
  local p=$1
  while :; do
    _taizhang_options "$p"
    [[ -z $p ]] && return
    if [[ $p == *' '* ]]; then p=${p% *}; else p=; fi
  done
}

)sh";
  return s;
}

/// The walk over the words typed before the current one, the same in both shells but for
/// how they number words: it leaves the command path in tz_path, the count of positional
/// arguments in tz_npos and the --config/--db given in tz_pass.
std::string walk_words(const char* words, const char* first, const char* current) {
  return fmt::format(R"sh(  local tz_path= tz_npos=0 tz_i tz_word tz_sub tz_what
  tz_pass=()
  for ((tz_i = {first}; tz_i < {current}; tz_i++)); do
    tz_word=${{{words}[tz_i]}}
    if [[ $tz_word == -* ]]; then
      [[ $tz_word == *=* ]] && continue
      # bash splits --opt=value into three words
      if [[ ${{{words}[tz_i+1]}} == = ]]; then ((tz_i += 2)); continue; fi
      tz_what=$(_taizhang_lookup_value "$tz_path" "$tz_word")
      [[ $tz_what == flag ]] && continue
      ((tz_i + 1 < {current})) || continue
      ((tz_i++))
      if [[ $tz_word == --config || $tz_word == --db ]]; then tz_pass+=("$tz_word" "${{{words}[tz_i]}}"); fi
    elif ((tz_npos == 0)) && tz_sub=$(_taizhang_canon "$tz_path" "$tz_word") && [[ -n $tz_sub ]]; then
      tz_path=${{tz_path:+$tz_path }}$tz_sub
    else
      ((tz_npos++))
    fi
  done
)sh",
                     fmt::arg("words", words), fmt::arg("first", first), fmt::arg("current", current));
}

}  // namespace

const char* source_name(ValueSource source) {
  switch (source) {
    case ValueSource::none: return "text";
    case ValueSource::file: return "file";
    case ValueSource::directory: return "dir";
    case ValueSource::choice: return "choice";
    case ValueSource::person: return "person";
    case ValueSource::department: return "department";
    case ValueSource::leave_type: return "leave-type";
  }
  return "text";
}

std::string bash_completion(const CommandSpec& root) {
  std::string s =
      "# bash completion for taizhang, generated by `taizhang completion bash` from its command tree.\n"
      "# Install: taizhang completion bash > /usr/share/bash-completion/completions/taizhang\n"
      "# (cmake --install does), or: source <(taizhang completion bash)\n\n";
  s += data_functions(root);
  s += R"sh(_taizhang_offer() {
  local what=$1 cur=$2
  case $what in
    choice:*) mapfile -t COMPREPLY < <(compgen -W "${what#choice:}" -- "$cur") ;;
    file) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
    dir) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- "$cur") ;;
    person|department|leave-type)
      # From the ledger (or the config) this command line names, one quick query.
      mapfile -t COMPREPLY < <(compgen -W "$("${COMP_WORDS[0]}" "${tz_pass[@]}" completion values "$what" \
        2>/dev/null | cut -f1)" -- "$cur") ;;
  esac
}

_taizhang() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} opt= line
  local -a tz_pass
  COMPREPLY=()
)sh";
  s += walk_words("COMP_WORDS", "1", "COMP_CWORD");
  s += R"sh(  if [[ $cur == = ]]; then cur=; opt=$prev
  elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then opt=${COMP_WORDS[COMP_CWORD-2]}
  elif [[ $prev == -* ]]; then opt=$prev
  fi
  if [[ -n $opt ]]; then
    tz_what=$(_taizhang_lookup_value "$tz_path" "$opt")
    if [[ -n $tz_what && $tz_what != flag ]]; then _taizhang_offer "$tz_what" "$cur"; return 0; fi
  fi
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$(_taizhang_all_options "$tz_path" | while IFS= read -r line; do
      printf '%s\n' "${line%%:*}"; done)" -- "$cur")
    return 0
  fi
  if ((tz_npos == 0)); then
    local subs
    subs=$(_taizhang_commands "$tz_path" | while IFS= read -r line; do printf '%s\n' "${line%%:*}"; done)
    if [[ -n $subs ]]; then mapfile -t COMPREPLY < <(compgen -W "$subs" -- "$cur"); return 0; fi
  fi
  _taizhang_offer "$(_taizhang_positional "$tz_path" "$tz_npos")" "$cur"
}

complete -F _taizhang taizhang
)sh";
  return s;
}

std::string zsh_completion(const CommandSpec& root) {
  std::string s =
      "#compdef taizhang\n"
      "# zsh completion for taizhang, generated by `taizhang completion zsh` from its command tree.\n"
      "# Install: taizhang completion zsh > /usr/share/zsh/vendor-completions/_taizhang\n"
      "# (cmake --install does), or: source <(taizhang completion zsh) after compinit.\n\n";
  s += data_functions(root);
  s += R"sh(_taizhang_offer() {
  local -a values
  case $1 in
    choice:*) values=(${=${1#choice:}}); compadd -a values ;;
    file) _files ;;
    dir) _files -/ ;;
    person|department|leave-type)
      # From the ledger (or the config) this command line names, with the names beside the codes.
      values=(${(f)"$(${words[1]} "${tz_pass[@]}" completion values "$1" 2>/dev/null |
        sed -e 's/:/\\:/g' -e $'s/\t/:/')"})
      _describe -t values "$1" values ;;
  esac
}

_taizhang() {
  local cur=${words[CURRENT]} opt=
  local -a tz_pass described
)sh";
  s += walk_words("words", "2", "CURRENT");
  s += R"sh(  if [[ $cur == --*=* ]]; then opt=${cur%%=*}; compset -P '*='
  elif [[ ${words[CURRENT-1]} == -* ]]; then opt=${words[CURRENT-1]}
  fi
  if [[ -n $opt ]]; then
    tz_what=$(_taizhang_lookup_value "$tz_path" "$opt")
    if [[ -n $tz_what && $tz_what != flag ]]; then _taizhang_offer "$tz_what"; return; fi
  fi
  if [[ $cur == -* ]]; then
    described=(${(f)"$(_taizhang_all_options "$tz_path")"})
    _describe -t options option described
    return
  fi
  if ((tz_npos == 0)); then
    described=(${(f)"$(_taizhang_commands "$tz_path")"})
    if ((${#described})); then _describe -t commands command described; return; fi
  fi
  _taizhang_offer "$(_taizhang_positional "$tz_path" "$tz_npos")"
}

if [[ $funcstack[1] == _taizhang ]]; then
  _taizhang "$@"
else
  compdef _taizhang taizhang
fi
)sh";
  return s;
}

}  // namespace cli
