public enum DXCoreVersion { public static let string = "0.1.0" }
