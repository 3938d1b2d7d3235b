// GIF Comment Extensions (GIF89a, section 24): where the exporter puts the generation parameters of a
// GIF, since FFmpeg's GIF muxer writes no metadata. Also reads the NETSCAPE2.0 loop count.
// Pure byte work, unit-tested on its own.
#pragma once
#include <string>
#include <vector>

namespace i2v {

class GifComment {
public:
    // The bytes of one Comment Extension holding `text` (split in 255-byte sub-blocks).
    static std::string block(const std::string& text);

    struct Parsed {
        std::vector<std::string> comments;
        int loopCount = -1;   // NETSCAPE2.0 loop count: 0 = forever, -1 = no loop extension
        int frames = 0;       // image descriptors seen
        bool complete = false;  // reached the trailer
    };
    // Walks the block structure of a GIF; stops quietly at the first malformed block.
    static Parsed parse(const std::string& gif);
};

} // namespace i2v
