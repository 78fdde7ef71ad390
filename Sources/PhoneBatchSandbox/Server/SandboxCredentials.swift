/// The credentials the sandbox accepts: fixed, public and worthless anywhere else. The same
/// names phonebatch reads for the real providers point it at the sandbox.
public enum SandboxCredentials {
    public static let harmonyUser = "sandbox-harmony-user"
    public static let harmonyPassword = "sandbox-harmony-password"
    public static let experianToken = "sandbox-experian-token"
    public static let delphaClientID = "sandbox-delpha-client"
    public static let delphaClientSecret = "sandbox-delpha-secret"
    public static let accuauthAPIID = "sandbox-accuauth-id"
    public static let accuauthAPISecret = "sandbox-accuauth-secret"
    public static let xverifyAPIKey = "sandbox-xverify-key"
    public static let xverifyDomain = "sandbox.example"

    /// `export NAME=value` lines for a sandbox at `baseURL` (`http://127.0.0.1:8080`).
    public static func environment(baseURL: String) -> [(name: String, value: String)] {
        [
            ("PHONEBATCH_HARMONY_URL", baseURL),
            ("PHONEBATCH_HARMONY_USER", harmonyUser),
            ("PHONEBATCH_HARMONY_PASSWORD", harmonyPassword),
            ("PHONEBATCH_EXPERIAN_URL", baseURL),
            ("PHONEBATCH_EXPERIAN_TOKEN", experianToken),
            ("PHONEBATCH_DELPHA_URL", baseURL),
            ("PHONEBATCH_DELPHA_TOKEN_URL", baseURL + "/oauth2/token"),
            ("PHONEBATCH_DELPHA_CLIENT_ID", delphaClientID),
            ("PHONEBATCH_DELPHA_CLIENT_SECRET", delphaClientSecret),
            ("PHONEBATCH_ACCUAUTH_URL", baseURL),
            ("PHONEBATCH_ACCUAUTH_API_ID", accuauthAPIID),
            ("PHONEBATCH_ACCUAUTH_API_SECRET", accuauthAPISecret),
            ("PHONEBATCH_XVERIFY_URL", baseURL),
            ("PHONEBATCH_XVERIFY_APIKEY", xverifyAPIKey),
            ("PHONEBATCH_XVERIFY_DOMAIN", xverifyDomain),
        ]
    }
}
