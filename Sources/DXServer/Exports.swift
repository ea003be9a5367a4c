// DXServer's users (the executable, the tests) see the HTTP values and the engine through it,
// as they did before those moved into targets of their own.
@_exported import DXEngine
@_exported import DXHTTP
