// The one oneDNN CPU engine and stream the process uses; primitives are created
// against it once and executed many times.
#pragma once

#include <oneapi/dnnl/dnnl.hpp>

namespace inkling {

struct DnnlContext
{
    dnnl::engine engine;
    dnnl::stream stream;

    static DnnlContext &instance();
};

} // namespace inkling
