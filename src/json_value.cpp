#include "hros/json_value.hpp"

#include "hros/json_writer.hpp"

#include <fmt/format.h>

#include <cmath>

namespace hros {

JsonValue JsonValue::boolean(bool value) {
  JsonValue json;
  json.m_type = Type::boolean;
  json.m_bool = value;
  return json;
}

JsonValue JsonValue::number(double value) {
  JsonValue json;
  json.m_type = Type::number;
  json.m_number = value;
  return json;
}

JsonValue JsonValue::string(std::string value) {
  JsonValue json;
  json.m_type = Type::string;
  json.m_string = std::move(value);
  return json;
}

JsonValue JsonValue::array() {
  JsonValue json;
  json.m_type = Type::array;
  return json;
}

JsonValue JsonValue::object() {
  JsonValue json;
  json.m_type = Type::object;
  return json;
}

JsonValue& JsonValue::push(JsonValue value) {
  m_items.push_back(std::move(value));
  return m_items.back();
}

JsonValue& JsonValue::set(const std::string& key, JsonValue value) {
  for (auto& member : m_members) {
    if (member.first == key) {
      member.second = std::move(value);
      return member.second;
    }
  }
  m_members.emplace_back(key, std::move(value));
  return m_members.back().second;
}

std::string JsonValue::dump(bool indent) const {
  std::string out;
  write(out, 0, indent);
  if (indent) {
    out += '\n';
  }
  return out;
}

void JsonValue::write(std::string& out, int depth, bool indent) const {
  auto newline = [&](int level) {
    if (indent) {
      out += '\n';
      out.append(static_cast<std::size_t>(level) * 2, ' ');
    }
  };
  switch (m_type) {
  case Type::null:
    out += "null";
    return;
  case Type::boolean:
    out += m_bool ? "true" : "false";
    return;
  case Type::number:
    out += std::isfinite(m_number) ? fmt::format("{}", m_number) : "null";
    return;
  case Type::string:
    out += json_string(m_string);
    return;
  case Type::array:
    out += '[';
    for (std::size_t i = 0; i < m_items.size(); ++i) {
      out += i == 0 ? "" : ",";
      newline(depth + 1);
      m_items[i].write(out, depth + 1, indent);
    }
    if (!m_items.empty()) {
      newline(depth);
    }
    out += ']';
    return;
  case Type::object:
    out += '{';
    for (std::size_t i = 0; i < m_members.size(); ++i) {
      out += i == 0 ? "" : ",";
      newline(depth + 1);
      out += json_string(m_members[i].first);
      out += indent ? ": " : ":";
      m_members[i].second.write(out, depth + 1, indent);
    }
    if (!m_members.empty()) {
      newline(depth);
    }
    out += '}';
    return;
  }
}

} // namespace hros
