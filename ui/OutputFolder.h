// OutputFolder: whether finished videos can be written to a folder. Settings checks the folder when it is
// chosen and the window before a job is queued, so an unwritable folder (/proc, a read-only disk, a path
// under a file) is refused with a reason instead of losing the result after the job.
#pragma once
#include <QString>

namespace i2v::ui {

// Empty when a file can be written in `folder` (created when missing); else why not, naming the folder.
// It writes and removes a probe file: permission bits alone do not tell (root, /proc, read-only mounts).
QString outputFolderProblem(const QString& folder);

} // namespace i2v::ui
