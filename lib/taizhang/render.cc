#include "taizhang/render.h"

#include <algorithm>
#include <sstream>
#include <type_traits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "taizhang/csv.h"
#include "taizhang/error.h"
#include "taizhang/text.h"

namespace taizhang {

namespace {

using json = nlohmann::ordered_json;

bool is_number(const Cell& c) {
  return std::holds_alternative<std::int64_t>(c) || std::holds_alternative<double>(c);
}

/// The cell as people read it; `yes`/`no` for booleans since each format spells them its
/// own way. Strings come back verbatim: escaping is the format's business.
std::string cell_text(const Cell& c, std::string_view yes, std::string_view no) {
  return std::visit(
      [&](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          return {};
        else if constexpr (std::is_same_v<T, std::string>)
          return v;
        else if constexpr (std::is_same_v<T, bool>)
          return std::string(v ? yes : no);
        else if constexpr (std::is_same_v<T, Term>)
          return std::string(v.shown());
        else
          return fmt::format("{}", v);  // shortest text that reads back as the same number
      },
      c);
}

/// The cell as programs read it (CSV): a Term is its value.
std::string machine_text(const Cell& c) {
  if (const auto* term = std::get_if<Term>(&c)) return std::string(term->value());
  return cell_text(c, "true", "false");
}

/// Whether column `i` holds numbers only (nulls aside), so it is right-aligned as a whole.
std::vector<bool> numeric_columns(const Table& t) {
  std::vector<bool> numeric(t.columns.size(), false);
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    bool any = false;
    bool all = true;
    for (const auto& row : t.rows) {
      if (std::holds_alternative<std::monostate>(row[i])) continue;
      any = true;
      if (!is_number(row[i])) {
        all = false;
        break;
      }
    }
    numeric[i] = any && all;
  }
  return numeric;
}

/// Text for one table cell: on one line, and with no control character left raw, since a
/// value stored before imports refused them (or written by another tool) could otherwise
/// clear the screen or rewrite the lines above it.
std::string cell_line(std::string_view s) { return printable(one_line(s)); }

void append_padded(std::string& line, std::string_view text, int width, bool right) {
  const int pad = std::max(0, width - display_width(text));
  if (right) line.append(static_cast<std::size_t>(pad), ' ');
  line += text;
  if (!right) line.append(static_cast<std::size_t>(pad), ' ');
}

void write_line(std::ostream& out, std::string& line) {
  line.erase(line.find_last_not_of(' ') + 1);  // npos + 1 == 0 clears a blank line
  line += '\n';
  out.write(line.data(), static_cast<std::streamsize>(line.size()));
}

void render_table(const Table& t, std::ostream& out, const RenderOptions& opt) {
  const std::size_t n = t.columns.size();
  if (n == 0) return;
  const auto numeric = numeric_columns(t);

  std::vector<int> width(n);
  std::vector<int> min_width(n);  // how far a column may shrink
  for (std::size_t i = 0; i < n; ++i) {
    const int label = display_width(cell_line(t.columns[i].label));
    width[i] = label;
    min_width[i] = numeric[i] ? 0 : std::max(4, label);
  }
  for (const auto& row : t.rows)
    for (std::size_t i = 0; i < n; ++i)
      width[i] = std::max(width[i], display_width(cell_line(cell_text(row[i], opt.yes, opt.no))));

  if (opt.terminal.is_tty && opt.terminal.width > 0) {
    int total = 2 * static_cast<int>(n - 1);
    for (const int w : width) total += w;
    // Cutting the widest text column first keeps short columns such as names whole,
    // and numbers are never cut because a cut number reads as a different number.
    while (total > opt.terminal.width) {
      std::size_t widest = n;
      for (std::size_t i = 0; i < n; ++i)
        if (!numeric[i] && width[i] > min_width[i] && (widest == n || width[i] > width[widest]))
          widest = i;
      if (widest == n) break;
      --width[widest];
      --total;
    }
  }

  std::string line;
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) line += "  ";
    append_padded(line, fit_width(cell_line(t.columns[i].label), width[i]), width[i], numeric[i]);
  }
  if (opt.terminal.color) {
    line.erase(line.find_last_not_of(' ') + 1);
    line = "\x1b[1m" + line + "\x1b[0m";
  }
  write_line(out, line);

  line.clear();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) line += "  ";
    for (int k = 0; k < width[i]; ++k) line += "─";
  }
  write_line(out, line);

  for (const auto& row : t.rows) {
    line.clear();
    for (std::size_t i = 0; i < n; ++i) {
      if (i > 0) line += "  ";
      const std::string text = fit_width(cell_line(cell_text(row[i], opt.yes, opt.no)), width[i]);
      append_padded(line, text, width[i], is_number(row[i]));
    }
    write_line(out, line);
  }
}

void render_csv(const Table& t, std::ostream& out, bool bom) {
  if (bom) out.write("\xEF\xBB\xBF", 3);
  std::vector<std::string> fields;
  fields.reserve(t.columns.size());
  for (const auto& c : t.columns) fields.push_back(t.csv_header == CsvHeader::keys ? c.key : c.label);
  write_csv_row(out, fields);
  for (const auto& row : t.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) fields[i] = machine_text(row[i]);
    write_csv_row(out, fields);
  }
}

json to_json(const Table& t, const std::vector<Cell>& row) {
  json obj = json::object();
  for (std::size_t i = 0; i < row.size(); ++i) {
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::monostate>)
            obj[t.columns[i].key] = nullptr;
          else if constexpr (std::is_same_v<T, Term>)
            obj[t.columns[i].key] = std::string(v.value());
          else
            obj[t.columns[i].key] = v;
        },
        row[i]);
  }
  return obj;
}

void render_json(const Table& t, std::ostream& out) {
  if (t.rows.empty()) {
    out << "[]\n";
    return;
  }
  // Written row by row rather than as one json array, so a large report is not held
  // twice in memory; the text is the same as dumping the whole array with indent 2.
  out << "[\n";
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    std::string text = to_json(t, t.rows[r]).dump(2, ' ', false, json::error_handler_t::replace);
    std::string indented = "  ";
    for (const char c : text) {
      indented += c;
      if (c == '\n') indented += "  ";  // JSON strings hold no raw newlines, so this is safe
    }
    if (r + 1 < t.rows.size()) indented += ',';
    indented += '\n';
    out << indented;
  }
  out << "]\n";
}

void render_jsonl(const Table& t, std::ostream& out) {
  for (const auto& row : t.rows)
    out << to_json(t, row).dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
}

std::string md_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '|') {
      out += "\\|";
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      out += "<br>";
    } else {
      out += c;
    }
  }
  // Markdown is read in terminals too: control characters are made visible as in a table.
  return printable(out, true);
}

void render_md(const Table& t, std::ostream& out, const RenderOptions& opt) {
  const std::size_t n = t.columns.size();
  if (n == 0) return;
  const auto numeric = numeric_columns(t);
  const auto text = [&](const Cell& c) { return md_escape(cell_text(c, opt.yes, opt.no)); };

  std::vector<int> width(n, 3);  // "---" is the shortest separator
  for (std::size_t i = 0; i < n; ++i)
    width[i] = std::max(width[i], display_width(md_escape(t.columns[i].label)));
  for (const auto& row : t.rows)
    for (std::size_t i = 0; i < n; ++i) width[i] = std::max(width[i], display_width(text(row[i])));

  std::string line;
  const auto emit = [&] {
    line += " |\n";
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
    line.clear();
  };
  for (std::size_t i = 0; i < n; ++i) {
    line += i == 0 ? "| " : " | ";
    append_padded(line, md_escape(t.columns[i].label), width[i], numeric[i]);
  }
  emit();
  for (std::size_t i = 0; i < n; ++i) {
    line += i == 0 ? "| " : " | ";
    line.append(static_cast<std::size_t>(width[i] - (numeric[i] ? 1 : 0)), '-');
    if (numeric[i]) line += ':';
  }
  emit();
  for (const auto& row : t.rows) {
    for (std::size_t i = 0; i < n; ++i) {
      line += i == 0 ? "| " : " | ";
      append_padded(line, text(row[i]), width[i], numeric[i]);
    }
    emit();
  }
}

/// The columns `kept` of `t`, in that order.
Table project(const Table& t, const std::vector<std::size_t>& kept) {
  Table out;
  out.csv_header = t.csv_header;
  for (const std::size_t i : kept) out.columns.push_back(t.columns[i]);
  out.rows.reserve(t.rows.size());
  for (const auto& row : t.rows) {
    std::vector<Cell>& r = out.rows.emplace_back();
    r.reserve(kept.size());
    for (const std::size_t i : kept) r.push_back(row[i]);
  }
  return out;
}


Table without_machine_columns(const Table& t) {
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (!t.columns[i].machine_only) kept.push_back(i);
  }
  return project(t, kept);
}

}  // namespace

std::string md_text(std::string_view s) { return md_escape(s); }

void render_report(const ReportHeading& heading, const Table& t, Format f, std::ostream& out,
                   const RenderOptions& opt) {
  render_report(heading, t, {}, f, out, opt);
}

void render_report(const ReportHeading& heading, const Table& t, const std::vector<ReportSection>& sections, Format f,
                   std::ostream& out, const RenderOptions& opt) {
  switch (f) {
    case Format::table:
      out << printable(one_line(heading.text)) << "\n\n";
      for (const std::string& note : heading.notes) out << printable(one_line(note)) << "\n\n";
      render(t, f, out, opt);
      for (const ReportSection& s : sections) {
        out << "\n" << printable(one_line(s.title)) << "\n\n";
        render(s.table, f, out, opt);
      }
      return;
    case Format::md:
      out << "## " << md_escape(heading.text) << "\n\n";
      for (const std::string& note : heading.notes) out << "> " << md_escape(note) << "\n\n";
      render(t, f, out, opt);
      for (const ReportSection& s : sections) {
        out << "\n### " << md_escape(s.title) << "\n\n";
        render(s.table, f, out, opt);
      }
      return;
    case Format::json: {
      json head = json::object();
      head["office"] = heading.office;
      head["report"] = heading.report;
      head["period"] = {{"from", heading.from}, {"to", heading.to}};
      for (const auto& filter : heading.filters) head[filter.key] = filter.value;
      if (!heading.notes.empty()) head["notes"] = heading.notes;
      std::string text = head.dump(2, ' ', false, json::error_handler_t::replace);
      text.pop_back();  // the closing brace: the rows follow
      text.erase(text.find_last_not_of('\n') + 1);
      out << text;
      auto array = [&](const std::string& key, const Table& table) {
        out << ",\n  " << json(key).dump() << ": ";
        std::ostringstream rows;
        render(table, f, rows, opt);
        std::string body = rows.str();
        body.pop_back();  // its newline
        std::string indented;
        for (const char c : body) {
          indented += c;
          if (c == '\n') indented += "  ";  // JSON strings hold no raw newlines
        }
        out << indented;
      };
      array("rows", t);
      for (const ReportSection& s : sections) array(s.key, s.table);
      out << "\n}\n";
      return;
    }
    case Format::csv:
    case Format::jsonl:
    case Format::html:  // the command line draws these through html.h and xlsx.h; render() refuses them
    case Format::xlsx: break;
  }
  render(t, f, out, opt);
}

std::vector<Table> fit_blocks(const Table& table, std::size_t keys, int width, const RenderOptions& opt) {
  const Table t = without_machine_columns(table);
  keys = std::min(keys, t.columns.size());
  if (width <= 0 || t.columns.size() == keys) return {t};
  // Each column's drawn width, two spaces apart.
  std::vector<int> w(t.columns.size());
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    w[i] = display_width(cell_line(t.columns[i].label));
    for (const auto& row : t.rows) w[i] = std::max(w[i], display_width(cell_line(cell_text(row[i], opt.yes, opt.no))));
  }
  int key_width = 0;
  for (std::size_t i = 0; i < keys; ++i) key_width += w[i] + (i ? 2 : 0);
  const auto fits = [&](std::size_t first, std::size_t last) {  // [first, last)
    int total = key_width;
    for (std::size_t i = first; i < last; ++i) total += w[i] + (total ? 2 : 0);
    return total <= width;
  };
  // As few blocks as a greedy fill needs; then the same count, evenly, when that fits too.
  std::vector<std::size_t> starts;
  for (std::size_t i = keys; i < t.columns.size();) {
    starts.push_back(i);
    std::size_t end = i + 1;
    while (end < t.columns.size() && fits(i, end + 1)) ++end;
    i = end;
  }
  const std::size_t others = t.columns.size() - keys, count = starts.size();
  std::vector<std::size_t> even;
  bool even_fits = true;
  for (std::size_t b = 0, i = keys; b < count; ++b) {
    const std::size_t size = others / count + (b < others % count ? 1 : 0);
    even.push_back(i);
    even_fits = even_fits && fits(i, i + size);
    i += size;
  }
  if (even_fits) starts = even;
  std::vector<Table> blocks;
  for (std::size_t b = 0; b < starts.size(); ++b) {
    const std::size_t end = b + 1 < starts.size() ? starts[b + 1] : t.columns.size();
    std::vector<std::size_t> kept;
    for (std::size_t i = 0; i < keys; ++i) kept.push_back(i);
    for (std::size_t i = starts[b]; i < end; ++i) kept.push_back(i);
    blocks.push_back(project(t, kept));
  }
  return blocks;
}

Term::Term(std::string_view value, std::string_view shown) {
  text_.reserve(value.size() + 1 + shown.size());
  text_.append(value.substr(0, value.find('\0')));
  text_ += '\0';
  text_.append(shown);
}

std::optional<Format> parse_format(std::string_view name) {
  if (name == "table") return Format::table;
  if (name == "csv") return Format::csv;
  if (name == "json") return Format::json;
  if (name == "jsonl") return Format::jsonl;
  if (name == "md") return Format::md;
  if (name == "html") return Format::html;
  if (name == "xlsx") return Format::xlsx;
  return std::nullopt;
}

void render_record(const Table& t, std::ostream& out, const RenderOptions& opt) {
  int width = 0;
  for (const Column& c : t.columns) width = std::max(width, display_width(printable(c.label)));
  std::string line;
  for (const auto& row : t.rows) {
    if (row.size() != t.columns.size())
      throw Error(Status::software, fmt::format("render_record: a row has {} cells for {} columns", row.size(),
                                                t.columns.size()));
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      const std::string label = printable(t.columns[i].label);
      const std::string value = printable(cell_text(row[i], opt.yes, opt.no), true);
      line = label;
      if (!value.empty()) {
        line.append(static_cast<std::size_t>(width - display_width(label)) + 2, ' ');
        line += value;
      }
      line += '\n';
      out.write(line.data(), static_cast<std::streamsize>(line.size()));
    }
  }
}

void render(const Table& t, Format f, std::ostream& out, const RenderOptions& opt) {
  for (std::size_t r = 0; r < t.rows.size(); ++r)
    if (t.rows[r].size() != t.columns.size())
      throw Error(Status::software,
                  fmt::format("render: row {} has {} cells for {} columns", r + 1,
                              t.rows[r].size(), t.columns.size()));
  const bool for_people = f == Format::table || f == Format::md;
  if (for_people && std::any_of(t.columns.begin(), t.columns.end(), [](const Column& c) { return c.machine_only; })) {
    return render(without_machine_columns(t), f, out, opt);
  }
  switch (f) {
    case Format::table: render_table(t, out, opt); break;
    case Format::csv: render_csv(t, out, opt.bom); break;
    case Format::json: render_json(t, out); break;
    case Format::jsonl: render_jsonl(t, out); break;
    case Format::md: render_md(t, out, opt); break;
    case Format::html:
    case Format::xlsx:
      throw Error(Status::usage, "html and xlsx are formats of reports (taizhang report NAME); a list is table, csv, "
                                 "json, jsonl or md");
  }
}

}  // namespace taizhang
