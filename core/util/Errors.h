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

// A server could not be reached or kept failing (DNS, TLS, refused or cut connections, 5xx after retries);
// the message names the host and mentions the proxy settings.
class NetworkError : public Error {
public:
    using Error::Error;
};

// The model hub answered, but not with what was asked: repository, revision or file not found, gated or
// disabled repository, missing token. The message says what the user can do (request access, set a token).
class HubError : public Error {
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
