// One generation job as the desktop app queues it: core's GenerationRequest (every setting of the job,
// the engine's defaults and checks) beside what only the app has: the picture as the user gave it (a file,
// or pixels that were pasted or dropped), the job's id and the folder its video goes to. The
// GenerationWorker loads the picture into `generation.image` on its own thread; until then that stays empty.
// toJson/jobRequestFromJson are how the job history stores a job's settings (through core's settingsToJson) and
// the picture's path; a picture that came as data is stored beside them (JobHistory).
#pragma once
#include "pipeline/GenerationRequest.h"

#include <QImage>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace i2v::ui {

struct JobRequest {
    int id = 0;                 // set by GenerationWorker::enqueue when 0
    QImage image;               // used when imagePath is empty (pasted or dropped data)
    QString imagePath;          // read with the engine's ImageLoader (Pillow-exact pixels, EXIF rotation)
    QString imageName;          // what the user knows the picture as ("tiny-a.png", "the pasted picture")
    GenerationRequest generation;
    // Where the finished clip is written as mp4 (a new, unique file name); empty: not written.
    QString outputFolder;
    // A continuation's earlier video: when set, the clip is also written joined after it (that video's frames,
    // then this clip's without its first, which repeats the picture it started from) as <clip>_joined.mp4,
    // and that is the job's result. Like outputFolder, not stored in the history.
    QString joinAfter;
    // Where the engine keeps the job's progress as the steps finish, and goes on from when it holds some (the
    // desktop app's UnfinishedJobs); empty: nowhere. Not stored in the history either.
    QString progressFile;

    QString prompt() const { return QString::fromStdString(generation.prompt); }
};

// Every field but id, outputFolder, joinAfter and the pixels of `image`; the picture's file as "imagePath".
QJsonObject toJson(const JobRequest& request);
JobRequest jobRequestFromJson(const QJsonObject& json);

} // namespace i2v::ui

Q_DECLARE_METATYPE(i2v::ui::JobRequest)
