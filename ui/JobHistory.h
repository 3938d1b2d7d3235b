// JobHistory: every finished, cancelled and failed job with its thumbnail, request, parameters, times
// and outcome, in an SQLite file (Qt SQL, QSQLITE driver). No widgets here; GalleryPanel shows it.
// Each instance has its own connection, so two instances (or a restarted app) read the same file.
#pragma once
#include "ui/JobRequest.h"

#include <QDateTime>
#include <QImage>
#include <QList>
#include <QString>

#include <optional>

class QSqlError;

namespace i2v::ui {

// NotSaved: the job made its frames but its video file could not be written (`message` says why).
enum class JobOutcome { Finished, NotSaved, Cancelled, Failed };

struct HistoryEntry {
    qint64 id = 0;               // set by record()
    QDateTime started;
    QDateTime ended;
    JobOutcome outcome = JobOutcome::Finished;
    QString message;             // the failure reason, or a warning (e.g. the video could not be written)
    JobRequest request;          // everything the job ran with, but the pixels of a picture that came as data
                                 // (request.image stays null: JobHistory::picture reads them)
    QString parametersJson;      // the parameters embedded in the video (finished jobs)
    QString videoPath;           // the written video; empty when none
    QString modelDir;
    QImage thumbnail;            // at most thumbnailSize() on each side
};

class JobHistory {
public:
    // Opens (creating when needed) the database at `databasePath`; isOpen()/errorString() tell how it went.
    explicit JobHistory(const QString& databasePath = defaultPath());
    ~JobHistory();
    JobHistory(const JobHistory&) = delete;
    JobHistory& operator=(const JobHistory&) = delete;

    bool isOpen() const { return open_; }
    QString errorString() const { return error_; }
    QString path() const { return path_; }
    // Where a file SQLite could not read was moved before a new history began (empty when none was), and
    // SQLite's words for what was wrong with it.
    QString keptAside() const { return keptAside_; }
    QString damagedReason() const { return damagedReason_; }

    // Stores the entry (thumbnail shrunk to thumbnailSize()); returns its id, or 0 on failure.
    qint64 record(const HistoryEntry& entry);
    // Newest first; every entry when limit < 0. Entries leave out the pixels of a picture that came as data, so
    // that a gallery of hundreds of continued jobs neither reads nor holds them; picture() has them.
    QList<HistoryEntry> entries(int limit = -1) const;
    std::optional<HistoryEntry> entry(qint64 id) const;
    // The picture of entry `id` when it came as data (pasted, dropped, a continued job's frame); null otherwise.
    QImage picture(qint64 id) const;
    bool remove(qint64 id);

    // <AppDataLocation>/history.sqlite
    static QString defaultPath();
    static QSize thumbnailSize() { return {160, 120}; }
    static QString outcomeName(JobOutcome outcome);  // "finished", "not_saved", "cancelled", "failed"

private:
    bool openFile();  // opens the connection, creates the table, upgrades the schema; closed again on failure
    bool exec(const QString& sql);
    void noteError(const QSqlError& error);  // errorString(), and whether it says the file is damaged
    bool setDamagedFileAside();
    // To kSchemaVersion (JobHistory.cpp), in one transaction; false (errorString says why) leaves the file as it was.
    bool upgradeSchema();
    bool movePicturesOutOfRequests();

    QString path_;
    QString connection_;
    bool open_ = false;
    QString error_;
    bool damaged_ = false;
    QString keptAside_;
    QString damagedReason_;
};

} // namespace i2v::ui

Q_DECLARE_METATYPE(i2v::ui::HistoryEntry)
