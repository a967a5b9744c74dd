// Stands in for oneDNN's <oneapi/dnnl/dnnl.hpp> in every target outside the engine
// (inkling_forbid_dnnl in the top CMakeLists.txt): oneDNN stays inside inkling_engine.
#error "oneDNN reached a file outside the engine: hide it behind the engine's own types"
