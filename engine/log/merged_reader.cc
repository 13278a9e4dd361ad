#include "engine/log/merged_reader.h"

#include <sys/stat.h>

#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "engine/log/libyaml_events.h"  // PACTUM_READER_THREAD

namespace pactum::log {

bool can_merge(const std::vector<std::string>& paths) {
  if (!PACTUM_READER_THREAD) return false;  // the browser build starts no thread
  if (paths.size() < 2 || paths.size() > kMaxMergedLogs) return false;
  for (const auto& path : paths) {
    struct stat st {};
    if (path == "-" || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  }
  return true;
}

namespace {

// A reader hands the turn back once this many of its events are final and not yet moved: few
// enough to keep the staging logs small, enough that taking turns costs little per event.
constexpr uint32_t kStaged = 512;
// Staging logs drop what was moved once this much accumulated (or when the reader is out of
// events, which costs nothing).
constexpr uint32_t kTrimEvery = 4096;
constexpr int kMerger = -1;

class Merger {
 public:
  Merger(const std::vector<std::string>& paths, SourceManager& sources, EventLog& target,
         std::vector<Diagnostics>& diags, const LoadOptions& options, const MergeHooks& hooks)
      : paths_(paths), sources_(sources), target_(target), diags_(diags), options_(options), hooks_(hooks) {}

  ~Merger() {
    // Also after an exception (of a reader, of the check fed the events): every reader must
    // leave load_log before its staging log goes.
    try {
      give_up();
    } catch (...) {
      std::terminate();  // a thread left running would read freed memory
    }
  }

  MergeResult run() {
    diags_.clear();
    for (size_t i = 0; i < paths_.size(); ++i) {
      diags_.emplace_back(1);  // the first error settles it: the logs are read again the usual way
      readers_.push_back(std::make_unique<Reader>());
    }
    for (size_t i = 0; i < paths_.size(); ++i) readers_[i]->thread = std::thread([this, i] { read(i); });
    // Each log opened in command-line order (its file id as when read one after the other).
    for (size_t i = 0; i < paths_.size(); ++i) {
      give_turn(i);
      if (auto why = problem(i)) return stop(*why);
    }
    for (;;) {
      size_t best = kNone, second = kNone;
      for (size_t i = 0; i < readers_.size(); ++i) {
        Reader& r = *readers_[i];
        if (!staged(r)) {
          if (r.finished) continue;
          trim(r);
          give_turn(i);
          if (auto why = problem(i)) return stop(*why);
          if (!staged(r)) continue;  // it finished with no further event
        }
        if (best == kNone || earlier(i, best)) second = best, best = i;
        else if (second == kNone || earlier(i, second)) second = i;
      }
      if (best == kNone) break;
      // The earliest log's events go while they come before every other log's next one.
      Reader& b = *readers_[best];
      do {
        move(b);
        if (hooks_.keep_going && !hooks_.keep_going()) return stop(MergeResult::Stopped);
        if (b.next - b.staging.window_base() >= kTrimEvery) trim(b);
      } while (staged(b) && (second == kNone || earlier(best, second)));
    }
    join();
    if (target_.census.duplicate_count() > 0) return MergeResult::DuplicateIds;
    target_.census.clear_types();
    for (auto& r : readers_) target_.census.absorb_types(r->staging.census, [&](Symbol s) { return to_target(*r, s); });
    return MergeResult::Done;
  }

 private:
  static constexpr size_t kNone = SIZE_MAX;

  struct Reader {
    EventLog staging;
    std::thread thread;
    uint32_t next = 0;  // the first staged event not moved yet
    bool finished = false;
    std::exception_ptr failure;
    uint64_t bytes = 0;
    bool started = false;  // its first event came: the symbols before it are pinned
    Symbol pinned = 0;
    size_t live_symbols = 0;
    // Staging symbol -> target symbol, valid while both tables keep their generation.
    std::vector<Symbol> to_target;
    uint32_t staging_generation = 0, target_generation = 0;
  };

  // ---- the turn ----

  void give_turn(size_t i) {
    std::unique_lock<std::mutex> lock(mutex_);
    holder_ = static_cast<int>(i);
    turn_.notify_all();
    turn_.wait(lock, [&] { return holder_ == kMerger; });
    if (readers_[i]->failure) {
      std::exception_ptr failure = readers_[i]->failure;
      readers_[i]->failure = nullptr;
      lock.unlock();
      std::rethrow_exception(failure);  // the destructor ends the other readers
    }
  }
  void wait_turn(size_t i) {
    std::unique_lock<std::mutex> lock(mutex_);
    turn_.wait(lock, [&] { return holder_ == static_cast<int>(i); });
  }
  void hand_back() {
    std::lock_guard<std::mutex> lock(mutex_);
    holder_ = kMerger;
    turn_.notify_all();
  }

  // ---- a reader's thread ----

  void read(size_t i) {
    Reader& r = *readers_[i];
    wait_turn(i);
    if (!cancel_) {
      LoadOptions options = options_;
      options.on_event = [this, i] { on_event(i); };
      options.cancel = &cancel_;
      options.piped = nullptr;
      options.replay = nullptr;
      options.streaming = nullptr;
      options.progress = nullptr;
      // No parsing in chunks: each log's parser reads ahead on one thread beside its builder.
      // Chunks would hold several megabytes per log, for nothing while other logs take turns.
      options.chunk_bytes = SIZE_MAX / 4;
      if (hooks_.progress)
        options.progress = [this, i](uint64_t bytes, size_t) {
          readers_[i]->bytes = bytes;
          report_progress();
        };
      try {
        load_log(paths_[i], sources_, r.staging, diags_[i], options);
      } catch (...) {
        r.failure = std::current_exception();
      }
    }
    r.finished = true;
    hand_back();
  }

  // After each final event of log i, on its reader's thread.
  void on_event(size_t i) {
    Reader& r = *readers_[i];
    if (!r.started) {
      r.started = true;
      r.pinned = static_cast<Symbol>(r.staging.symbols.size());
      r.live_symbols = r.staging.symbols.live();
    }
    if (cancel_ || r.staging.count() - r.next < kStaged) return;
    hand_back();
    wait_turn(i);
  }

  void report_progress() {
    std::vector<uint64_t> bytes;
    for (const auto& r : readers_) bytes.push_back(r->bytes);
    hooks_.progress(bytes, target_.count());
  }

  // ---- merging ----

  static bool staged(const Reader& r) { return r.next < r.staging.count(); }

  // Whether log i's next event comes before log j's (equal times: the log named first).
  bool earlier(size_t i, size_t j) const {
    Instant a = readers_[i]->staging.event(readers_[i]->next).at;
    Instant b = readers_[j]->staging.event(readers_[j]->next).at;
    return a < b || (a == b && i < j);
  }

  std::optional<MergeResult> problem(size_t i) const {
    const Reader& r = *readers_[i];
    if (r.staging.withdrawals > 0 || r.staging.stream_broken) return MergeResult::Withdrawn;
    if (diags_[i].has_errors()) return MergeResult::InputErrors;
    return std::nullopt;
  }

  // Drops the staged events already moved, and now and then the texts only they used.
  void trim(Reader& r) {
    if (r.next > r.staging.window_base()) r.staging.compact(r.next, {});
    if (r.started && r.staging.symbols.live() >= std::max<size_t>(2 * r.live_symbols, 4 * size_t{kTrimEvery})) {
      r.staging.forget_symbols(r.pinned);
      r.live_symbols = r.staging.symbols.live();
    }
  }

  Symbol to_target(Reader& r, Symbol s) {
    if (s == kNoSymbol) return kNoSymbol;
    if (r.staging_generation != r.staging.symbols.generation() ||
        r.target_generation != target_.symbols.generation()) {
      r.to_target.clear();
      r.staging_generation = r.staging.symbols.generation();
      r.target_generation = target_.symbols.generation();
    }
    if (s >= r.to_target.size()) r.to_target.resize(std::max<size_t>(s + 1, r.to_target.size() * 3 / 2), kNoSymbol);
    Symbol& mapped = r.to_target[s];
    if (mapped == kNoSymbol) mapped = target_.symbols.intern(r.staging.symbols.text(s));
    return mapped;
  }

  // Moves the next staged event of `r` into the target log, as the loader would have added it.
  void move(Reader& r) {
    const Event& e = r.staging.event(r.next++);
    Event out = e;
    out.type = to_target(r, e.type);
    out.by = to_target(r, e.by);
    out.id = to_target(r, e.id);
    out.attr_begin = static_cast<uint32_t>(target_.attributes.size());
    for (uint32_t k = e.attr_begin; k < e.attr_begin + e.attr_count; ++k) {
      Attribute a = r.staging.attributes[k];
      a.key = to_target(r, a.key);
      if (a.value.kind == Value::Kind::List) {
        uint32_t begin = static_cast<uint32_t>(target_.list_items.size());
        for (uint32_t n = 0; n < a.value.list_size; ++n) {
          Value item = r.staging.list_items[a.value.list_begin + n];
          item.text = to_target(r, item.text);
          target_.list_items.push_back(item);
        }
        a.value.list_begin = begin;
      } else {
        a.value.text = to_target(r, a.value.text);
      }
      target_.attributes.push_back(a);
    }
    out.order = target_.count();
    if (e.file < r.staging.file_zones.size() && r.staging.file_zones[e.file]) {
      if (target_.file_zones.size() <= e.file) target_.file_zones.resize(e.file + 1, nullptr);
      target_.file_zones[e.file] = r.staging.file_zones[e.file];
    }
    target_.census.note(out, target_.attributes.data() + out.attr_begin, target_);
    target_.events.push_back(out);
    if (hooks_.on_event) hooks_.on_event();
  }

  // ---- ending ----

  MergeResult stop(MergeResult why) {
    give_up();
    return why;
  }

  // Every reader still in its file stops after its current event, and every thread ends.
  void give_up() {
    cancel_ = true;
    for (size_t i = 0; i < readers_.size(); ++i) {
      Reader& r = *readers_[i];
      if (!r.thread.joinable() || r.finished) continue;
      r.staging.compact(r.staging.count(), {});  // what was staged is not needed any more
      std::unique_lock<std::mutex> lock(mutex_);
      holder_ = static_cast<int>(i);
      turn_.notify_all();
      turn_.wait(lock, [&] { return holder_ == kMerger; });
    }
    join();
  }

  void join() {
    for (auto& r : readers_)
      if (r->thread.joinable()) r->thread.join();
  }

  const std::vector<std::string>& paths_;
  SourceManager& sources_;
  EventLog& target_;
  std::vector<Diagnostics>& diags_;
  const LoadOptions& options_;
  const MergeHooks& hooks_;
  std::vector<std::unique_ptr<Reader>> readers_;
  std::mutex mutex_;
  std::condition_variable turn_;
  int holder_ = kMerger;  // the reader whose turn it is, or the merger
  bool cancel_ = false;   // written only by the merger while it has the turn
};

}  // namespace

MergeResult read_merged(const std::vector<std::string>& paths, SourceManager& sources, EventLog& target,
                        std::vector<Diagnostics>& diags, const LoadOptions& options, const MergeHooks& hooks) {
  Merger merger(paths, sources, target, diags, options, hooks);
  return merger.run();
}

}  // namespace pactum::log
