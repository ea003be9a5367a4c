import Testing
@testable import DXServer
