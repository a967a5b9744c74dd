// Lazily created oneDNN engine and stream (thread-safe static initialisation).
#include "engine/kernels/dnnl_context.h"

namespace inkling {

DnnlContext &DnnlContext::instance()
{
    static DnnlContext context = [] {
        DnnlContext c;
        c.engine = dnnl::engine(dnnl::engine::kind::cpu, 0);
        c.stream = dnnl::stream(c.engine);
        return c;
    }();
    return context;
}

} // namespace inkling
