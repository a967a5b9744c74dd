// The typed error every model-file problem becomes: it names the file and, where one
// is involved, the tensor, so the UI can show one clear message.
#pragma once

#include <stdexcept>
#include <string>

namespace inkling {

class ModelError : public std::runtime_error
{
public:
    ModelError(std::string file, std::string tensor, const std::string &what)
        : std::runtime_error(compose(file, tensor, what))
        , m_file(std::move(file))
        , m_tensor(std::move(tensor))
    {}

    const std::string &file() const { return m_file; }
    const std::string &tensor() const { return m_tensor; }

private:
    static std::string compose(const std::string &file, const std::string &tensor,
                               const std::string &what)
    {
        std::string s = file;
        if (!tensor.empty())
            s += ": tensor '" + tensor + "'";
        return s + ": " + what;
    }

    std::string m_file;
    std::string m_tensor;
};

} // namespace inkling
