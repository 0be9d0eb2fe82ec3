public enum H2ModelVersion { public static let string = "0.1.0" }
