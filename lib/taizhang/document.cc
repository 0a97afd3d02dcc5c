#include "taizhang/document.h"

namespace taizhang {}  // namespace taizhang
