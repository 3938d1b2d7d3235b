// ModelChoice: which model folder the window loads into its ActiveModel, and the places the user chooses it from.
// The user's choice (File ▸ Choose model folder…, Use the demo model, the Models window's Use, a finished
// download) while there is one, else ModelLocations' automaticModelDir() in the preferences' hub cache; a folder
// picked that way is never the choice. The choice is part of the preferences (AppSettings::modelDir): the window
// is told every change (choiceChanged) and stores it. It owns the Models window (made on first use), which shows
// the model in use; a model removed there that was in use gives way to the automatic one, and a download that
// finishes is used at once.
#pragma once
#include "ui/AppSettings.h"

#include <QObject>
#include <QPointer>
#include <QString>

class QSettings;
class QWidget;

namespace i2v::ui {

class ActiveModel;
class DownloadController;
class ModelsDialog;

class ModelChoice : public QObject {
    Q_OBJECT
public:
    // Loads into `model`; the Models window lists `downloads` and keeps its folders in `settings`. None of them is
    // owned (`downloads` must outlive it or be disconnected from it first); its windows open over `window`, which is
    // also the parent.
    ModelChoice(ActiveModel* model, DownloadController* downloads, QSettings* settings, QWidget* window);

    // The choice, the engine settings and the hub cache from now on (another cache: the Models window lists it);
    // loads nothing.
    void setPreferences(const AppSettings& preferences);
    // At start: the chosen folder while it holds a model (a folder on a disk that is not mounted stays chosen),
    // else automaticFolder(); notFound when there is none.
    void loadAtStart();
    // After new preferences: the chosen folder, else automaticFolder(); a chosen folder without a model is reported.
    void loadPreferred();
    // The Models window once it was opened, else null.
    ModelsDialog* modelsDialog() const;

public slots:
    // Loads the model in `dir` and makes it the choice.
    void choose(const QString& dir);
    // Asks for a folder, then choose().
    void askForFolder();
    // Shows the Models window.
    void openModels();
    // Starts (or resumes) downloading I2VGen-XL in fp16 and shows the Models window.
    void downloadDefaultModel();

signals:
    void choiceChanged(const QString& chosenDir);  // empty: none
    void notFound(const QString& message);
    // A model folder was removed in the Models window: the automatic one may be another now.
    void modelRemoved();
    // A status line for the window (a download now in use).
    void notice(const QString& message);

private:
    // automaticModelDir() in the hub cache of the preferences: the model loaded when none is chosen.
    QString automaticFolder() const;
    // Forgets the choice and loads automaticFolder().
    void useAutomatic();
    // Downloading a model is asking for it: it is loaded. When it is what automaticFolder() picks anyway, no
    // choice is kept, so that a later, newer download is picked up too.
    void useDownloaded(const QString& repo, const QString& snapshotDir);
    void setChoice(const QString& dir);
    void load(const QString& dir);

    ActiveModel* model_;
    DownloadController* downloads_;
    QSettings* settings_;
    QWidget* window_;
    QPointer<ModelsDialog> models_;
    QString chosen_;
    EngineSettings engine_;
    HubPreferences hub_;
};

} // namespace i2v::ui
