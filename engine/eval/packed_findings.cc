#include "engine/eval/packed_findings.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <string>
#include <string_view>

#include "engine/base/share_work.h"

namespace pactum::eval {

namespace {

// A record is written into a scratch string, then copied into the blocks whole (a record never
// spans two blocks), so that the reader walks each block from its start.
class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) { out_.clear(); }
  void varint(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>(v | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  template <typename T>
  void raw(const T& v) {
    out_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void text(std::string_view s) {
    varint(s.size());
    out_.append(s);
  }
  void flag(bool b) { out_.push_back(b ? 1 : 0); }

 private:
  std::string& out_;
};

class Reader {
 public:
  explicit Reader(const char* at) : at_(at) {}
  uint64_t varint() {
    uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
      auto byte = static_cast<uint8_t>(*at_++);
      v |= uint64_t{byte & 0x7fu} << shift;
      if (byte < 0x80) return v;
    }
  }
  template <typename T>
  T raw() {
    T v;
    std::memcpy(&v, at_, sizeof v);
    at_ += sizeof v;
    return v;
  }
  std::string text() {
    size_t n = varint();
    std::string s(at_, n);
    at_ += n;
    return s;
  }
  bool flag() { return *at_++ != 0; }
  const char* position() const { return at_; }

 private:
  const char* at_;
};

void write_instant(Writer& w, Instant t) { w.raw<int64_t>(t.time_since_epoch().count()); }
Instant read_instant(Reader& r) { return Instant{Millis{r.raw<int64_t>()}}; }

void write_finding(Writer& w, const Finding& f) {
  w.varint(f.block_index);
  w.raw(f.block);
  w.raw(f.rule);
  w.text(f.reason);
  w.varint(f.responsible.size());
  for (const auto& party : f.responsible) w.text(party);
  write_instant(w, f.at);
  w.flag(f.window.has_value());
  if (f.window) write_instant(w, f.window->start), write_instant(w, f.window->end);
  w.varint(f.events.size());
  for (uint32_t e : f.events) w.varint(e);
  w.varint(f.measured.size());
  for (const Measure& m : f.measured) {
    w.text(m.key);
    w.flag(m.number.has_value());
    if (m.number) w.raw(*m.number);
    w.text(m.text);
    w.varint(m.list.size());
    for (const auto& item : m.list) w.text(item);
    w.flag(m.exact.has_value());
    if (m.exact) w.raw(m.exact->num), w.raw(m.exact->den);
  }
  w.text(f.message);
  w.flag(f.delay.has_value());
  if (f.delay) w.raw<int64_t>(f.delay->count());
}

Finding read_finding(Reader& r) {
  Finding f;
  f.block_index = r.varint();
  f.block = r.raw<const model::Block*>();
  f.rule = r.raw<const model::Rule*>();
  f.reason = r.text();
  f.responsible.resize(r.varint());
  for (auto& party : f.responsible) party = r.text();
  f.at = read_instant(r);
  if (r.flag()) {
    Instant start = read_instant(r);
    f.window = calendar::Interval{start, read_instant(r)};
  }
  f.events.resize(r.varint());
  for (auto& e : f.events) e = static_cast<uint32_t>(r.varint());
  f.measured.resize(r.varint());
  for (Measure& m : f.measured) {
    m.key = r.text();
    if (r.flag()) m.number = r.raw<double>();
    m.text = r.text();
    m.list.resize(r.varint());
    for (auto& item : m.list) item = r.text();
    if (r.flag()) {
      Measure::Fraction exact;
      exact.num = r.raw<int64_t>();
      exact.den = r.raw<int64_t>();
      m.exact = exact;
    }
  }
  f.message = r.text();
  if (r.flag()) f.delay = Millis{r.raw<int64_t>()};
  return f;
}

}  // namespace

Finding& PackedFindings::add(Finding f) {
  if (open_) pack(*open_);
  open_ = std::move(f);
  return *open_;
}

void PackedFindings::cited(std::vector<uint32_t>& out) const {
  out.insert(out.end(), cited_.begin(), cited_.end());
  if (open_) out.insert(out.end(), open_->events.begin(), open_->events.end());
}

void PackedFindings::pack(const Finding& f) {
  static thread_local std::string scratch;
  Writer w(scratch);
  write_finding(w, f);
  std::memcpy(room(scratch.size()), scratch.data(), scratch.size());
  ++blocks_.back().records;
  cited_.insert(cited_.end(), f.events.begin(), f.events.end());
  order_.push_back(OrderFields{f.at, f.block_index, f.rule ? f.rule->number : 0,
                               f.events.empty() ? kNoEvent : f.events.front()});
  ++packed_;
}

FindingKey PackedFindings::key(size_t k, uint32_t index, const log::EventLog& log) const {
  if (k == packed_) return finding_key(*open_, index, log);
  const OrderFields& o = order_[k];
  return finding_key(o.at, o.block_index, o.rule, o.first_cited, index, log);
}

char* PackedFindings::room(size_t bytes) {
  if (blocks_.empty() || blocks_.back().capacity - blocks_.back().used < bytes) {
    size_t capacity = std::max(kBlockSize, bytes);  // a large record gets a block of its own
    // Not zeroed (`new char[]`; make_unique_for_overwrite is missing from the WebAssembly build's
    // libc++): only the bytes written are read (as in KeyTable, where zeroing a megabyte per
    // table cost `pactum test` a quarter of its time).
    blocks_.push_back(Block{std::unique_ptr<char[]>(new char[capacity]), 0, capacity});
  }
  Block& b = blocks_.back();
  char* at = b.bytes.get() + b.used;
  b.used += bytes;
  return at;
}

void PackedFindings::hand_over(std::vector<Finding>& out, unsigned threads) {
  unpack_all({Reserved{this, reserve(out)}}, out, threads);
}

size_t PackedFindings::reserve(std::vector<Finding>& out) {
  size_t first = out.size();
  out.resize(first + size());
  return first;
}

void PackedFindings::unpack_all(const std::vector<Reserved>& stores, std::vector<Finding>& out, unsigned threads) {
  unpack(stores, out, threads, nullptr);
}

void PackedFindings::unpack_all_in_order(const std::vector<Reserved>& stores, std::vector<Finding>& out,
                                         const log::EventLog& log, unsigned threads) {
  struct Range {
    size_t first, end;
    const PackedFindings* store;
  };
  std::vector<Range> ranges;
  for (const Reserved& r : stores)
    if (r.store->size()) ranges.push_back(Range{r.first, r.first + r.store->size(), r.store});
  std::sort(ranges.begin(), ranges.end(), [](const Range& a, const Range& b) { return a.first < b.first; });
  auto places = finding_places(out.size(), threads, [&](size_t from, size_t to, std::vector<FindingKey>& keys) {
    auto range = std::upper_bound(ranges.begin(), ranges.end(), from, [](size_t i, const Range& r) { return i < r.end; });
    for (size_t i = from; i < to;) {
      if (range != ranges.end() && i >= range->first) {  // packed: its key kept beside it
        for (size_t end = std::min(to, range->end); i < end; ++i)
          keys[i] = range->store->key(i - range->first, static_cast<uint32_t>(i), log);
        ++range;
      } else {
        for (size_t end = range != ranges.end() ? std::min(to, range->first) : to; i < end; ++i)
          keys[i] = finding_key(out[i], static_cast<uint32_t>(i), log);
      }
    }
  });
  // The findings never packed move to their places, each once, along the permutation's chains;
  // a chain ends at a packed finding's place (still empty) or where it began. `done`: the place's
  // own finding has moved on (or is packed, not there yet).
  std::vector<uint8_t> done(out.size(), 0);
  for (const Range& r : ranges) std::fill(done.begin() + static_cast<std::ptrdiff_t>(r.first),
                                          done.begin() + static_cast<std::ptrdiff_t>(r.end), 1);
  for (size_t start = 0; start < out.size(); ++start) {
    if (done[start]) continue;
    done[start] = 1;
    if (places[start] == start) continue;
    Finding moving = std::move(out[start]);
    for (size_t at = places[start];; at = places[at]) {
      if (done[at]) {
        out[at] = std::move(moving);
        break;
      }
      std::swap(moving, out[at]);
      done[at] = 1;
    }
  }
  unpack(stores, out, threads, &places);
}

void PackedFindings::unpack(const std::vector<Reserved>& stores, std::vector<Finding>& out, unsigned threads,
                            const std::vector<uint32_t>* places) {
  auto place = [places](size_t i) { return places ? (*places)[i] : i; };
  // Every block of every store, with the place of its first finding: blocks unpack in any order.
  struct Task {
    Block* block;
    size_t first;
  };
  std::vector<Task> tasks;
  for (const Reserved& r : stores) {
    size_t first = r.first;
    for (Block& b : r.store->blocks_) {
      tasks.push_back(Task{&b, first});
      first += b.records;
    }
  }
  auto unpack = [&](const Task& t) {
    Reader r(t.block->bytes.get());
    for (size_t k = 0; k < t.block->records; ++k) out[place(t.first + k)] = read_finding(r);
    t.block->bytes.reset();
  };
  // A few blocks per thread at least.
  unsigned sharing = static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>(threads, tasks.size() / 4)));
  std::atomic<size_t> next{0};
  share_work(sharing, [&](unsigned) {
    for (size_t i = next++; i < tasks.size(); i = next++) unpack(tasks[i]);
  });
  for (const Reserved& r : stores) {
    PackedFindings& s = *r.store;
    if (s.open_) out[place(r.first + s.packed_)] = std::move(*s.open_);
    s.blocks_.clear();
    std::vector<uint32_t>().swap(s.cited_);
    std::vector<OrderFields>().swap(s.order_);
    s.packed_ = 0;
    s.open_.reset();
  }
}

}  // namespace pactum::eval
