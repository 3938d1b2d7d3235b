// Where the app looks for I2VGen-XL models: the demo model (installed, or in the source tree), the app's own
// models folder and the folder the real weights belong in, and the model the window loads when the user chose
// none (automaticModelDir). Plain functions of the file system; the choice itself is AppSettings::modelDir.
#pragma once
#include <QString>

#include <filesystem>

namespace i2v::ui {

// A diffusers pipeline folder: it has a model_index.json.
bool isModelFolder(const QString& dir);
// Whether `a` and `b` name the same folder, through links and . or ..; two missing folders compare by their
// cleaned paths.
bool isSameFolder(const QString& a, const QString& b);
// Where the demo model is installed (or in the source tree), empty when not found; $I2V_DEMO_MODEL first.
QString demoModelDir();
// The folder the real weights are expected in: <AppDataLocation>/models/i2vgen-xl.
QString defaultRealModelDir();
// The app's own models folder, <AppDataLocation>/models (each sub-folder may be a model).
QString appModelsDir();
// The model to load when the user chose none: a complete model in defaultRealModelDir(), else the complete
// ali-vilab/i2vgen-xl in the Hugging Face cache at `hubCacheDir`, else the demo model (empty when none).
QString automaticModelDir(const std::filesystem::path& hubCacheDir);

} // namespace i2v::ui
