// Typed exceptions at the engine boundary. Every message names the file, tensor or value involved
// and says what the user can do; the UI and CLI show what() as is.
#pragma once
#include <stdexcept>
#include <string>

namespace i2v {

// Base of every error the engine reports to a user.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A model folder, config or weight file is missing, broken or does not fit the architecture.
class ModelError : public Error {
public:
    using Error::Error;
};

// The user's input (image, prompt, settings) cannot be used.
class InputError : public Error {
public:
    using Error::Error;
};

// Reading or writing a file failed (permissions, disk full, ...).
class IoError : public Error {
public:
    using Error::Error;
};

// The job was cancelled through its cancel token; the engine stays usable.
class Cancelled : public Error {
public:
    Cancelled() : Error("cancelled") {}
};

// The machine ran out of memory; message suggests a smaller job or a memory mode.
class OutOfMemory : public Error {
public:
    using Error::Error;
};

} // namespace i2v
