import Testing
@testable import DXCore
