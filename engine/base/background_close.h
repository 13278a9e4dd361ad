// Closes a file descriptor on another thread. Closing the last reference to a file that was
// unlinked or renamed over frees its blocks and drops its cached pages: for a report of 60 MB
// replaced by a new one, 16-20 ms of waiting (ext4), at the very end of a check. Started in the
// background, that wait overlaps with the rest of the check's end (its memory being freed), and
// the process waits for it only when it exits (issue 17).
#pragma once

namespace pactum {

// Closes `fd` (negative: nothing) on a helper thread, or here when this build has no threads or
// none can be had. At most one such close is pending: a second call waits for the first. The
// pending close is waited for when the program exits (or on background_close_wait()).
void close_in_background(int fd);
void background_close_wait();

}  // namespace pactum
