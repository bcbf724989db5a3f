// A Schema written out and read back, for the history cache: every field a rule can ask about.
// rapidjson, as for parse trees: a hook reads a history's schema on every call, and a DOM of
// std::maps would cost more than the replay it saves on a small history.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "lint/schema.h"

namespace pgguard::lint {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void write_strings(Writer& w, const std::vector<std::string>& values) {
  w.StartArray();
  for (const auto& v : values) w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
  w.EndArray();
}

void write_string(Writer& w, const std::string& value) { w.String(value.data(), static_cast<rapidjson::SizeType>(value.size())); }

// Readers that throw on anything but the expected shape; from_json turns that into nullopt.
struct BadEntry {};

const rapidjson::Value& at(const rapidjson::Value& array, rapidjson::SizeType i) {
  if (!array.IsArray() || i >= array.Size()) throw BadEntry{};
  return array[i];
}
std::string text(const rapidjson::Value& v) {
  if (!v.IsString()) throw BadEntry{};
  return {v.GetString(), v.GetStringLength()};
}
bool flag(const rapidjson::Value& v) {
  if (!v.IsBool()) throw BadEntry{};
  return v.GetBool();
}
const rapidjson::Value& items(const rapidjson::Value& v) {
  if (!v.IsArray()) throw BadEntry{};
  return v;
}
std::vector<std::string> strings(const rapidjson::Value& v) {
  std::vector<std::string> out;
  for (const auto& s : items(v).GetArray()) out.push_back(text(s));
  return out;
}

}  // namespace

std::string Schema::to_json() const {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("tables");
  w.StartArray();
  for (const auto& [name, t] : tables_) {
    w.StartArray();
    write_string(w, name);
    w.Bool(t.partitioned);
    write_string(w, t.partition_of);
    w.StartArray();
    for (const auto& c : t.columns) {
      w.StartArray();
      write_string(w, c.name);
      write_string(w, c.type);
      w.StartArray();
      for (int64_t m : c.typmods) w.Int64(m);
      w.EndArray();
      w.Bool(c.is_array);
      w.Bool(c.not_null);
      w.Bool(c.has_default);
      w.EndArray();
    }
    w.EndArray();
    w.StartArray();
    for (const auto& c : t.constraints) {
      w.StartArray();
      write_string(w, c.name);
      write_string(w, std::string(1, c.kind));
      write_strings(w, c.columns);
      w.Bool(c.validated);
      write_string(w, c.not_null_column);
      w.EndArray();
    }
    w.EndArray();
    w.EndArray();
  }
  w.EndArray();
  w.Key("indexes");
  w.StartArray();
  for (const auto& [name, i] : indexes_) {
    w.StartArray();
    write_string(w, name);
    write_string(w, i.table);
    write_strings(w, i.columns);
    w.Bool(i.unique);
    w.EndArray();
  }
  w.EndArray();
  w.Key("enums");
  w.StartArray();
  for (const auto& [name, values] : enums_) {
    w.StartArray();
    write_string(w, name);
    write_strings(w, values);
    w.EndArray();
  }
  w.EndArray();
  w.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

std::optional<Schema> Schema::from_json(const std::string& json) {
  rapidjson::Document doc;
  if (doc.Parse(json.data(), json.size()).HasParseError() || !doc.IsObject()) return std::nullopt;
  for (const char* member : {"tables", "indexes", "enums"})
    if (!doc.HasMember(member)) return std::nullopt;
  try {
    Schema schema;
    for (const auto& t : items(doc["tables"]).GetArray()) {
      Table table{text(at(t, 0)), {}, {}, flag(at(t, 1)), text(at(t, 2))};
      for (const auto& c : items(at(t, 3)).GetArray()) {
        Column column{text(at(c, 0)), text(at(c, 1)), {}, flag(at(c, 3)), flag(at(c, 4)), flag(at(c, 5))};
        for (const auto& m : items(at(c, 2)).GetArray()) {
          if (!m.IsInt64()) return std::nullopt;
          column.typmods.push_back(m.GetInt64());
        }
        table.columns.push_back(std::move(column));
      }
      for (const auto& c : items(at(t, 4)).GetArray()) {
        std::string kind = text(at(c, 1));
        if (kind.size() != 1) return std::nullopt;
        table.constraints.push_back({text(at(c, 0)), kind[0], strings(at(c, 2)), flag(at(c, 3)), text(at(c, 4))});
      }
      std::string name = table.name;
      schema.tables_[name] = std::move(table);
    }
    for (const auto& i : items(doc["indexes"]).GetArray()) schema.put_index({text(at(i, 0)), text(at(i, 1)), strings(at(i, 2)), flag(at(i, 3))});
    for (const auto& e : items(doc["enums"]).GetArray()) schema.enums_[text(at(e, 0))] = strings(at(e, 1));
    return schema;
  } catch (const BadEntry&) {
    return std::nullopt;
  }
}

}  // namespace pgguard::lint
