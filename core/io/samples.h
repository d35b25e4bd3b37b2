#pragma once

#include <QByteArray>
#include <QString>

namespace td {

// The sample layouts compiled into the binary (resources/samples/).
namespace Samples {
// The default layout: a realistic vSphere deployment that validates clean.
QByteArray contoso();
// How the sample is named in messages and reports.
QString displayName();
} // namespace Samples

} // namespace td
