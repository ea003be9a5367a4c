import Crypto

/// SHA-256 through swift-crypto: migration checksums and token hashes.
public enum Digest {
    public static func sha256<Bytes: Sequence>(_ input: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        Array(Crypto.SHA256.hash(data: Array(input)))
    }

    public static func sha256Hex<Bytes: Sequence>(_ input: Bytes) -> String where Bytes.Element == UInt8 {
        sha256(input).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
