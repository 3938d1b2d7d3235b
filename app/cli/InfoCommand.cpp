// `i2v info FILE`: what an exported video is (format, codec, size, frames, fps, duration, colour) and
// the generation parameters embedded in it; `--json` prints one JSON object for scripts.
// `i2v info --formats` lists the export formats this build can write.
#include "Commands.h"

#include "export/VideoExporter.h"
#include "util/Errors.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

namespace i2v::cli {

namespace {

struct InfoOptions {
    std::string path;
    bool json = false;
    bool formats = false;
};

std::string number(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    // "8.000" -> "8", "2.500" -> "2.5": rates and durations read better without trailing zeros.
    if (s.find('.') != std::string::npos) {
        s.erase(s.find_last_not_of('0') + 1);
        if (s.back() == '.')
            s.pop_back();
    }
    return s;
}

nlohmann::ordered_json toJson(const VideoInfo& info) {
    nlohmann::ordered_json j;
    j["path"] = info.path.string();
    j["format"] = info.container;
    j["codec"] = info.codec;
    j["profile"] = info.codecProfile;
    j["pixel_format"] = info.pixelFormat;
    j["width"] = info.width;
    j["height"] = info.height;
    j["frames"] = info.frames;
    j["fps"] = info.fps;
    j["duration"] = info.durationSeconds;
    j["color"] = {{"range", info.colorRange},
                  {"space", info.colorSpace},
                  {"primaries", info.colorPrimaries},
                  {"transfer", info.colorTransfer}};
    if (info.container == "gif")
        j["loops_forever"] = info.loopsForever;
    j["parameters"] = info.hasParameters ? info.parameters.json() : nlohmann::ordered_json(nullptr);
    nlohmann::ordered_json tags = nlohmann::ordered_json::object();
    for (const auto& [k, v] : info.tags)
        tags[k] = v;
    j["tags"] = tags;
    return j;
}

void printText(const VideoInfo& info) {
    std::cout << "File:       " << info.path.string() << "\n"
              << "Format:     " << info.container << "\n"
              << "Codec:      " << info.codec << (info.codecProfile.empty() ? "" : " (" + info.codecProfile + ")")
              << ", " << info.pixelFormat << "\n"
              << "Size:       " << info.width << "x" << info.height << "\n"
              << "Frames:     " << info.frames << "\n"
              << "FPS:        " << number(info.fps, 3) << "\n"
              << "Duration:   " << number(info.durationSeconds, 3) << " s\n";
    if (info.colorSpace != "unknown" || info.colorRange != "unknown")
        std::cout << "Colour:     " << info.colorSpace << ", range " << info.colorRange << "\n";
    if (info.container == "gif")
        std::cout << "Loop:       " << (info.loopsForever ? "forever" : "no") << "\n";
    if (!info.hasParameters) {
        std::cout << "Parameters: none embedded\n";
        return;
    }
    std::cout << "Parameters:\n";
    const auto& p = info.parameters.json();
    for (auto it = p.begin(); it != p.end(); ++it)
        std::cout << "  " << it.key() << ": " << (it->is_string() ? it->get<std::string>() : it->dump()) << "\n";
}

int listFormats(bool json) {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const auto& s : formatSupport()) {
        if (json) {
            arr.push_back({{"name", formatName(s.format)},
                           {"description", formatDescription(s.format)},
                           {"available", s.available},
                           {"encoder", s.encoder},
                           {"reason", s.reason}});
        } else {
            std::cout << formatName(s.format) << "\t" << formatDescription(s.format) << "\t"
                      << (s.available ? "available (" + s.encoder + ")" : "unavailable: " + s.reason) << "\n";
        }
    }
    if (json)
        std::cout << arr.dump() << "\n";
    return 0;
}

} // namespace

void addInfoCommand(CLI::App& app, Action& action) {
    auto opts = std::make_shared<InfoOptions>();
    CLI::App* cmd = app.add_subcommand(
        "info", "Show format, codec, size, frames, fps, duration and the generation parameters of an exported video");
    cmd->add_option("FILE", opts->path, "Video file, or folder of a PNG sequence");
    cmd->add_flag("--json", opts->json, "Print one JSON object");
    cmd->add_flag("--formats", opts->formats, "List the export formats this build can write");
    cmd->callback([opts, &action] {
        if (!opts->formats && opts->path.empty())
            throw CLI::ValidationError("FILE", "give a video file (or --formats)");
        action = [opts] {
            if (opts->formats)
                return listFormats(opts->json);
            const VideoInfo info = readVideoInfo(opts->path);
            if (opts->json)
                std::cout << toJson(info).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                          << "\n";
            else
                printText(info);
            return 0;
        };
    });
}

} // namespace i2v::cli
