#pragma once

#include "model/topology.h"

#include <QString>

namespace td {

// The words the layout file uses for enum values (FORMAT.md).
namespace Names {
QString hypervisor(Hypervisor v);
QString edition(Edition v);
QString licensing(Licensing v);
QString drs(DrsLevel v);
QString mac(MacMode v);
QString groupKind(GroupKind v);
QString traffic(Traffic v);
} // namespace Names

} // namespace td
