package dev.lanyard.spec.token;

import java.util.List;

/**
 * The examples of the specifications, pasted verbatim (HTTP message included), each with the section it comes from.
 * {@link SpecExamples#body(String)} takes the body out and removes the line breaks and indentation the documents add
 * "for display purposes only" (RFC 6749 §4.1.3, RFC 8693 §2.3, RFC 8707 §2.2, RFC 7523 §2.1).
 */
final class TokenExamples {

    // RFC 6749 §2.3.1 (refresh request with client credentials in the body)
    static final String RFC6749_2_3_1_REFRESH_WITH_SECRET = """
                 POST /token HTTP/1.1
                 Host: server.example.com
                 Content-Type: application/x-www-form-urlencoded

                 grant_type=refresh_token&refresh_token=tGzv3JOkF0XG5Qx2TlKWIA
                 &client_id=s6BhdRkqt3&client_secret=7Fjfp0ZBr1KtDRbnfVdmIw
            """;

    // RFC 6749 §4.1.3 (access token request)
    static final String RFC6749_4_1_3_CODE_REQUEST = """
                 POST /token HTTP/1.1
                 Host: server.example.com
                 Authorization: Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW
                 Content-Type: application/x-www-form-urlencoded

                 grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA
                 &redirect_uri=https%3A%2F%2Fclient%2Eexample%2Ecom%2Fcb
            """;

    // RFC 6749 §4.1.4 (access token response)
    static final String RFC6749_4_1_4_RESPONSE = """
                 HTTP/1.1 200 OK
                 Content-Type: application/json;charset=UTF-8
                 Cache-Control: no-store
                 Pragma: no-cache

                 {
                   "access_token":"2YotnFZFEjr1zCsicMWpAA",
                   "token_type":"example",
                   "expires_in":3600,
                   "refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA",
                   "example_parameter":"example_value"
                 }
            """;

    // RFC 6749 §4.4.2 (access token request)
    static final String RFC6749_4_4_2_CLIENT_CREDENTIALS_REQUEST = """
                 POST /token HTTP/1.1
                 Host: server.example.com
                 Authorization: Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW
                 Content-Type: application/x-www-form-urlencoded

                 grant_type=client_credentials
            """;

    // RFC 6749 §4.4.3 (access token response)
    static final String RFC6749_4_4_3_RESPONSE = """
                 HTTP/1.1 200 OK
                 Content-Type: application/json;charset=UTF-8
                 Cache-Control: no-store
                 Pragma: no-cache

                 {
                   "access_token":"2YotnFZFEjr1zCsicMWpAA",
                   "token_type":"example",
                   "expires_in":3600,
                   "example_parameter":"example_value"
                 }
            """;

    // RFC 6749 §4.5 (extension grant: SAML 2.0 bearer assertion)
    static final String RFC6749_4_5_SAML_EXTENSION_REQUEST = """
                 POST /token HTTP/1.1
                 Host: server.example.com
                 Content-Type: application/x-www-form-urlencoded

                 grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Asaml2-
                 bearer&assertion=PEFzc2VydGlvbiBJc3N1ZUluc3RhbnQ9IjIwMTEtMDU
                 [...omitted for brevity...]aG5TdGF0ZW1lbnQ-PC9Bc3NlcnRpb24-
            """;

    // RFC 6749 §5.1 (successful response)
    static final String RFC6749_5_1_RESPONSE = """
                 HTTP/1.1 200 OK
                 Content-Type: application/json;charset=UTF-8
                 Cache-Control: no-store
                 Pragma: no-cache

                 {
                   "access_token":"2YotnFZFEjr1zCsicMWpAA",
                   "token_type":"example",
                   "expires_in":3600,
                   "refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA",
                   "example_parameter":"example_value"
                 }
            """;

    // RFC 6749 §5.2 (error response)
    static final String RFC6749_5_2_ERROR_RESPONSE = """
                 HTTP/1.1 400 Bad Request
                 Content-Type: application/json;charset=UTF-8
                 Cache-Control: no-store
                 Pragma: no-cache

                 {
                   "error":"invalid_request"
                 }
            """;

    // RFC 6749 §6 (refresh request)
    static final String RFC6749_6_REFRESH_REQUEST = """
                 POST /token HTTP/1.1
                 Host: server.example.com
                 Authorization: Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW
                 Content-Type: application/x-www-form-urlencoded

                 grant_type=refresh_token&refresh_token=tGzv3JOkF0XG5Qx2TlKWIA
            """;

    // RFC 8707 §2.2 Figure 3 (access token request)
    static final String RFC8707_2_2_CODE_REQUEST = """
                 POST /as/token.oauth2 HTTP/1.1
                 Host: authorization-server.example.com
                 Authorization: Basic czZCaGRSa3F0Mzpoc3FFelFsVW9IQUU5cHg0RlNyNHlJ
                 Content-Type: application/x-www-form-urlencoded

                 grant_type=authorization_code
                 &redirect_uri=https%3A%2F%2Fclient.example.org%2Fcb
                 &code=10esc29BWC2qZB0acc9v8zAv9ltc2pko105tQauZ
                 &resource=https%3A%2F%2Fcal.example.com%2F
            """;

    // RFC 8707 §2.2 Figure 4 (access token response)
    static final String RFC8707_2_2_CODE_RESPONSE = """
                  HTTP/1.1 200 OK
                  Content-Type: application/json
                  Cache-Control: no-cache, no-store

                  {
                     "access_token":"eyJhbGciOiJFUzI1NiIsImtpZCI6Ijc3In0.eyJpc3MiOi
                      JodHRwOi8vYXV0aG9yaXphdGlvbi1zZXJ2ZXIuZXhhbXBsZS5jb20iLCJzdWI
                      iOiJfX2JfYyIsImV4cCI6MTU4ODQyMDgwMCwic2NvcGUiOiJjYWxlbmRhciIs
                      ImF1ZCI6Imh0dHBzOi8vY2FsLmV4YW1wbGUuY29tLyJ9.nNWJ2dXSxaDRdMUK
                      lzs-cYIj8MDoM6Gy7pf_sKrLGsAFf1C2bDhB60DQfW1DZL5npdko1_Mmk5sUf
                      zkiQNVpYw",
                     "token_type":"Bearer",
                     "expires_in":3600,
                     "refresh_token":"4LTC8lb0acc6Oy4esc1Nk9BWC0imAwH7kic16BDC2",
                     "scope":"calendar"
                  }
            """;

    // RFC 8707 §2.2 Figure 5 (access token request)
    static final String RFC8707_2_2_REFRESH_REQUEST = """
                 POST /as/token.oauth2 HTTP/1.1
                 Host: authorization-server.example.com
                 Authorization: Basic czZCaGRSa3F0Mzpoc3FFelFsVW9IQUU5cHg0RlNyNHlJ
                 Content-Type: application/x-www-form-urlencoded

                 grant_type=refresh_token
                 &refresh_token=4LTC8lb0acc6Oy4esc1Nk9BWC0imAwH7kic16BDC2
                 &resource=https%3A%2F%2Fcontacts.example.com%2F
            """;

    // RFC 8707 §2.2 Figure 6 (access token response)
    static final String RFC8707_2_2_REFRESH_RESPONSE = """
                  HTTP/1.1 200 OK
                  Content-Type: application/json
                  Cache-Control: no-cache, no-store

                  {
                     "access_token":"eyJhbGciOiJFUzI1NiIsImtpZCI6Ijc3In0.eyJpc3MiOi
                      JodHRwOi8vYXV0aG9yaXphdGlvbi1zZXJ2ZXIuZXhhbXBsZS5jb20iLCJzdWI
                      iOiJfX2JfYyIsImV4cCI6MTU4ODQyMDgyNiwic2NvcGUiOiJjb250YWN0cyIs
                      ImF1ZCI6Imh0dHBzOi8vY29udGFjdHMuZXhhbXBsZS5jb20vIn0.5f4yhqazc
                      OSlJw4y94KPeWNEFQqj2cfeO8x4hr3YbHtIl3nQXnBMw5wREY5O1YbZED-GfH
                      UowfmtNaA5EikYAw",
                     "token_type":"Bearer",
                     "expires_in":3600,
                     "scope":"contacts"
                  }
            """;

    // RFC 8693 §2.3 Figure 2 (token exchange request)
    static final String RFC8693_2_3_REQUEST = """
             POST /as/token.oauth2 HTTP/1.1
             Host: as.example.com
             Authorization: Basic cnMwODpsb25nLXNlY3VyZS1yYW5kb20tc2VjcmV0
             Content-Type: application/x-www-form-urlencoded

             grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange
             &resource=https%3A%2F%2Fbackend.example.com%2Fapi
             &subject_token=accVkjcJyb4BWCxGsndESCJQbdFMogUC5PbRDqceLTC
             &subject_token_type=
              urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aaccess_token
            """;

    // RFC 8693 §2.3 Figure 3 (token exchange response)
    static final String RFC8693_2_3_RESPONSE = """
             HTTP/1.1 200 OK
             Content-Type: application/json
             Cache-Control: no-cache, no-store

             {
              "access_token":"eyJhbGciOiJFUzI1NiIsImtpZCI6IjllciJ9.eyJhdWQiOiJo
                dHRwczovL2JhY2tlbmQuZXhhbXBsZS5jb20iLCJpc3MiOiJodHRwczovL2FzLmV
                4YW1wbGUuY29tIiwiZXhwIjoxNDQxOTE3NTkzLCJpYXQiOjE0NDE5MTc1MzMsIn
                N1YiI6ImJkY0BleGFtcGxlLmNvbSIsInNjb3BlIjoiYXBpIn0.40y3ZgQedw6rx
                f59WlwHDD9jryFOr0_Wh3CGozQBihNBhnXEQgU85AI9x3KmsPottVMLPIWvmDCM
                y5-kdXjwhw",
              "issued_token_type":
                  "urn:ietf:params:oauth:token-type:access_token",
              "token_type":"Bearer",
              "expires_in":60
             }
            """;

    // RFC 8693 Appendix A.1.1 (impersonation token exchange request)
    static final String RFC8693_A_1_1_IMPERSONATION_REQUEST = """
             POST /as/token.oauth2 HTTP/1.1
             Host: as.example.com
             Content-Type: application/x-www-form-urlencoded

             grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange
             &audience=urn%3Aexample%3Acooperation-context
             &subject_token=eyJhbGciOiJFUzI1NiIsImtpZCI6IjE2In0.eyJhdWQiOiJodHRwc
               zovL2FzLmV4YW1wbGUuY29tIiwiaXNzIjoiaHR0cHM6Ly9vcmlnaW5hbC1pc3N1ZXI
               uZXhhbXBsZS5uZXQiLCJleHAiOjE0NDE5MTA2MDAsIm5iZiI6MTQ0MTkwOTAwMCwic
               3ViIjoiYmRjQGV4YW1wbGUubmV0Iiwic2NvcGUiOiJvcmRlcnMgcHJvZmlsZSBoaXN
               0b3J5In0.PRBg-jXn4cJuj1gmYXFiGkZzRuzbXZ_sDxdE98ddW44ufsbWLKd3JJ1VZ
               hF64pbTtfjy4VXFVBDaQpKjn5JzAw
             &subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Ajwt
            """;

    // RFC 8693 Appendix A.1.3 (impersonation token exchange response)
    static final String RFC8693_A_1_3_IMPERSONATION_RESPONSE = """
             HTTP/1.1 200 OK
             Content-Type: application/json
             Cache-Control: no-cache, no-store

             {
              "access_token":"eyJhbGciOiJFUzI1NiIsImtpZCI6IjcyIn0.eyJhdWQiOiJ1cm4
                6ZXhhbXBsZTpjb29wZXJhdGlvbi1jb250ZXh0IiwiaXNzIjoiaHR0cHM6Ly9hcy5l
                eGFtcGxlLmNvbSIsImV4cCI6MTQ0MTkxMzYxMCwic3ViIjoiYmRjQGV4YW1wbGUub
                mV0Iiwic2NvcGUiOiJvcmRlcnMgcHJvZmlsZSBoaXN0b3J5In0.rMdWpSGNACTvnF
                uOL74sYZ6MVuld2Z2WkGLmQeR9ztj6w2OXraQlkJmGjyiCq24kcB7AI2VqVxl3wSW
                nVKh85A",
              "issued_token_type":
                "urn:ietf:params:oauth:token-type:access_token",
              "token_type":"Bearer",
              "expires_in":3600
             }
            """;

    // RFC 8693 Appendix A.2.1 (delegation token exchange request)
    static final String RFC8693_A_2_1_DELEGATION_REQUEST = """
             POST /as/token.oauth2 HTTP/1.1
             Host: as.example.com
             Content-Type: application/x-www-form-urlencoded

             grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange
             &audience=urn%3Aexample%3Acooperation-context
             &subject_token=eyJhbGciOiJFUzI1NiIsImtpZCI6IjE2In0.eyJhdWQiOiJodHRwc
               zovL2FzLmV4YW1wbGUuY29tIiwiaXNzIjoiaHR0cHM6Ly9vcmlnaW5hbC1pc3N1ZXI
               uZXhhbXBsZS5uZXQiLCJleHAiOjE0NDE5MTAwNjAsInNjb3BlIjoic3RhdHVzIGZlZ
               WQiLCJzdWIiOiJ1c2VyQGV4YW1wbGUubmV0IiwibWF5X2FjdCI6eyJzdWIiOiJhZG1
               pbkBleGFtcGxlLm5ldCJ9fQ.4rPRSWihQbpMIgAmAoqaJojAxj-p2X8_fAtAGTXrvM
               xU-eEZHnXqY0_AOZgLdxw5DyLzua8H_I10MCcckF-Q_g
             &subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Ajwt
             &actor_token=eyJhbGciOiJFUzI1NiIsImtpZCI6IjE2In0.eyJhdWQiOiJodHRwczo
               vL2FzLmV4YW1wbGUuY29tIiwiaXNzIjoiaHR0cHM6Ly9vcmlnaW5hbC1pc3N1ZXIuZ
               XhhbXBsZS5uZXQiLCJleHAiOjE0NDE5MTAwNjAsInN1YiI6ImFkbWluQGV4YW1wbGU
               ubmV0In0.7YQ-3zPfhUvzje5oqw8COCvN5uP6NsKik9CVV6cAOf4QKgM-tKfiOwcgZ
               oUuDL2tEs6tqPlcBlMjiSzEjm3yBg
             &actor_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Ajwt
            """;

    // RFC 8693 Appendix A.2.4 (delegation token exchange response)
    static final String RFC8693_A_2_4_DELEGATION_RESPONSE = """
             HTTP/1.1 200 OK
             Content-Type: application/json
             Cache-Control: no-cache, no-store

             {
              "access_token":"eyJhbGciOiJFUzI1NiIsImtpZCI6IjcyIn0.eyJhdWQiOiJ1cm4
                6ZXhhbXBsZTpjb29wZXJhdGlvbi1jb250ZXh0IiwiaXNzIjoiaHR0cHM6Ly9hcy5l
                eGFtcGxlLmNvbSIsImV4cCI6MTQ0MTkxMzYxMCwic2NvcGUiOiJzdGF0dXMgZmVlZ
                CIsInN1YiI6InVzZXJAZXhhbXBsZS5uZXQiLCJhY3QiOnsic3ViIjoiYWRtaW5AZX
                hhbXBsZS5uZXQifX0.3paKl9UySKYB5ng6_cUtQ2qlO8Rc_y7Mea7IwEXTcYbNdwG
                9-G1EKCFe5fW3H0hwX-MSZ49Wpcb1SiAZaOQBtw",
              "issued_token_type":"urn:ietf:params:oauth:token-type:jwt",
              "token_type":"N_A",
              "expires_in":3600
             }
            """;

    // draft-ietf-oauth-identity-assertion-authz-grant-03 §4.3.1 (token exchange using an ID token)
    static final String IDJAG_4_3_1_ID_TOKEN_REQUEST = """
                POST /oauth2/token HTTP/1.1
                Host: acme.idp.example
                Content-Type: application/x-www-form-urlencoded

                grant_type=urn:ietf:params:oauth:grant-type:token-exchange
                &requested_token_type=urn:ietf:params:oauth:token-type:id-jag
                &audience=https://acme.chat.example/
                &resource=https://api.chat.example/
                &scope=chat.read+chat.history
                &subject_token=eyJraWQiOiJzMTZ0cVNtODhwREo4VGZCXzdrSEtQ...
                &subject_token_type=urn:ietf:params:oauth:token-type:id_token
                &client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer
                &client_assertion=eyJhbGciOiJSUzI1NiIsImtpZCI6IjIyIn0...
            """;

    // draft-ietf-oauth-identity-assertion-authz-grant-03 §4.3.2 (token exchange using a refresh token)
    static final String IDJAG_4_3_2_REFRESH_TOKEN_REQUEST = """
                POST /oauth2/token HTTP/1.1
                Host: acme.idp.example
                Content-Type: application/x-www-form-urlencoded

                grant_type=urn:ietf:params:oauth:grant-type:token-exchange
                &requested_token_type=urn:ietf:params:oauth:token-type:id-jag
                &audience=https://acme.chat.example/
                &resource=https://api.chat.example/
                &scope=chat.read+chat.history
                &subject_token=tGzv3JOkF0XG5Qx2TlKWIA
                &subject_token_type=urn:ietf:params:oauth:token-type:refresh_token
                &client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer
                &client_assertion=eyJhbGciOiJSUzI1NiIsImtpZCI6IjIyIn0...
            """;

    // draft-ietf-oauth-identity-assertion-authz-grant-03 §4.3.4 (token exchange response)
    static final String IDJAG_4_3_4_RESPONSE = """
                HTTP/1.1 200 OK
                Content-Type: application/json
                Cache-Control: no-store
                Pragma: no-cache

                {
                  "issued_token_type": "urn:ietf:params:oauth:token-type:id-jag",
                  "access_token": "eyJhbGciOiJIUzI1NiIsI...",
                  "token_type": "N_A",
                  "scope": "chat.read chat.history",
                  "expires_in": 300
                }
            """;

    // draft-ietf-oauth-identity-assertion-authz-grant-03 §4.3.4.2 (token exchange request with authorization_details)
    static final String IDJAG_4_3_4_2_RAR_REQUEST = """
                POST /oauth2/token HTTP/1.1
                Host: acme.idp.example
                Content-Type: application/x-www-form-urlencoded

                grant_type=urn:ietf:params:oauth:grant-type:token-exchange
                &requested_token_type=urn:ietf:params:oauth:token-type:id-jag
                &audience=https://acme.chat.example/
                &authorization_details=[{"type":"chat_read","actions":["read"],"locations":["https://api.chat.example/channels"]},{"type":"chat_history","actions":["read"],"datatypes":["message"]}]
                &subject_token=eyJraWQiOiJzMTZ0cVNtODhwREo4VGZCXzdrSEtQ...
                &subject_token_type=urn:ietf:params:oauth:token-type:id_token
                &client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer
                &client_assertion=eyJhbGciOiJSUzI1NiIsImtpZCI6IjIyIn0...
            """;

    // draft-ietf-oauth-identity-assertion-authz-grant-03 §4.3.4.2 (token exchange response with authorization_details)
    static final String IDJAG_4_3_4_2_RAR_RESPONSE = """
                HTTP/1.1 200 OK
                Content-Type: application/json
                Cache-Control: no-store
                Pragma: no-cache

                {
                  "issued_token_type": "urn:ietf:params:oauth:token-type:id-jag",
                  "access_token": "eyJhbGciOiJIUzI1NiIsI...",
                  "token_type": "N_A",
                  "authorization_details": [
                    {
                      "type": "chat_read",
                      "actions": ["read"],
                      "locations": ["https://api.chat.example/channels"]
                    },
                    {
                      "type": "chat_history",
                      "actions": ["read"],
                      "datatypes": ["message"]
                    }
                  ],
                  "expires_in": 300
                }
            """;

    // draft-ietf-oauth-identity-assertion-authz-grant-03 §4.3.4.2 (access token request)
    static final String IDJAG_4_3_4_2_RAR_ACCESS_TOKEN_REQUEST = """
                POST /oauth2/token HTTP/1.1
                Host: acme.chat.example
                Authorization: Basic yZS1yYW5kb20tc2VjcmV0v3JOkF0XG5Qx2

                grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer
                &assertion=eyJhbGciOiJIUzI1NiIsI...
            """;

    // draft-ietf-oauth-identity-assertion-authz-grant-03 §4.3.4.2 (access token response)
    static final String IDJAG_4_3_4_2_RAR_ACCESS_TOKEN_RESPONSE = """
                HTTP/1.1 200 OK
                Content-Type: application/json;charset=UTF-8
                Cache-Control: no-store
                Pragma: no-cache

                {
                  "token_type": "Bearer",
                  "access_token": "2YotnFZFEjr1zCsicMWpAA",
                  "expires_in": 86400,
                  "authorization_details": [
                    {
                      "type": "chat_read",
                      "actions": ["read"],
                      "locations": ["https://api.chat.example/channels"]
                    },
                    {
                      "type": "chat_history",
                      "actions": ["read"],
                      "datatypes": ["message"]
                    }
                  ]
                }
            """;

    // draft-ietf-oauth-identity-assertion-authz-grant-03 §4.3.4.3 (error response)
    static final String IDJAG_4_3_4_3_ERROR_RESPONSE = """
                HTTP/1.1 400 Bad Request
                Content-Type: application/json
                Cache-Control: no-store

                {
                  "error": "invalid_grant",
                  "error_description": "Audience validation failed"
                }
            """;

    // draft-ietf-oauth-identity-assertion-authz-grant-03 §4.4 (access token request; note: no "&" before assertion)
    static final String IDJAG_4_4_REQUEST = """
                POST /oauth2/token HTTP/1.1
                Host: acme.chat.example
                Authorization: Basic yZS1yYW5kb20tc2VjcmV0v3JOkF0XG5Qx2

                grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer
                assertion=eyJhbGciOiJIUzI1NiIsI...
            """;

    // draft-ietf-oauth-identity-assertion-authz-grant-03 §4.4.2 (access token response)
    static final String IDJAG_4_4_2_RESPONSE = """
                HTTP/1.1 200 OK
                Content-Type: application/json;charset=UTF-8
                Cache-Control: no-store
                Pragma: no-cache

                {
                  "token_type": "Bearer",
                  "access_token": "2YotnFZFEjr1zCsicMWpAA",
                  "expires_in": 86400,
                  "scope": "chat.read chat.history"
                }
            """;

    // draft-ietf-oauth-identity-assertion-authz-grant-03 Appendix A.4.2.5 (AI agent token exchange request)
    static final String IDJAG_A_4_2_5_REQUEST = """
                POST /oauth2/token HTTP/1.1
                Host: idp.cyberdyne-corp.example
                Content-Type: application/x-www-form-urlencoded

                grant_type=urn:ietf:params:oauth:grant-type:token-exchange
                &requested_token_type=urn:ietf:params:oauth:token-type:id-jag
                &audience=https://authorization-server.saas-tool.example/
                &resource=https://api.saas-tool.example/
                &scope=agent.read+agent.write
                &subject_token=eyJraWQiOiJzMTZ0cVNtODhwREo4VGZCXzdrSEtQ...
                &subject_token_type=urn:ietf:params:oauth:token-type:id_token
                &client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer
                &client_assertion=eyJhbGciOiJSUzI1NiIsImtpZCI6IjIyIn0...
            """;

    // draft-ietf-oauth-identity-assertion-authz-grant-03 Appendix A.4.2.5 (AI agent token exchange response)
    static final String IDJAG_A_4_2_5_RESPONSE = """
                HTTP/1.1 200 OK
                Content-Type: application/json
                Cache-Control: no-store
                Pragma: no-cache

                {
                  "issued_token_type": "urn:ietf:params:oauth:token-type:id-jag",
                  "access_token": "eyJhbGciOiJIUzI1NiIsI...",
                  "token_type": "N_A",
                  "scope": "agent.read agent.write",
                  "expires_in": 300
                }
            """;

    // draft-ietf-oauth-identity-assertion-authz-grant-03 Appendix A.4.2.6 (AI agent JWT bearer request)
    static final String IDJAG_A_4_2_6_REQUEST = """
                POST /oauth2/token HTTP/1.1
                Host: authorization-server.saas-tool.example
                Authorization: Basic yZS1yYW5kb20tc2VjcmV0v3JOkF0XG5Qx2
                Content-Type: application/x-www-form-urlencoded

                grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer
                &assertion=eyJhbGciOiJIUzI1NiIsI...
            """;

    // draft-ietf-oauth-identity-assertion-authz-grant-03 Appendix A.4.2.6 (access token response)
    static final String IDJAG_A_4_2_6_RESPONSE = """
                HTTP/1.1 200 OK
                Content-Type: application/json;charset=UTF-8
                Cache-Control: no-store
                Pragma: no-cache

                {
                  "token_type": "Bearer",
                  "access_token": "2YotnFZFEjr1zCsicMWpAA",
                  "expires_in": 86400,
                  "scope": "agent.read agent.write"
                }
            """;

    // RFC 7523 §2.1 (JWT as an authorization grant)
    static final String RFC7523_2_1_REQUEST = """
                 POST /token.oauth2 HTTP/1.1
                 Host: as.example.com
                 Content-Type: application/x-www-form-urlencoded

                 grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer
                 &assertion=eyJhbGciOiJFUzI1NiIsImtpZCI6IjE2In0.
                 eyJpc3Mi[...omitted for brevity...].
                 J9l-ZhwP[...omitted for brevity...]
            """;

    // RFC 7009 §2.1 (revocation request)
    static final String RFC7009_2_1_REQUEST = """
                 POST /revoke HTTP/1.1
                 Host: server.example.com
                 Content-Type: application/x-www-form-urlencoded
                 Authorization: Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW

                 token=45ghiukldjahdnhzdauz&token_type_hint=refresh_token
            """;

    // RFC 7662 §2.1 (introspection request authorized by a bearer token)
    static final String RFC7662_2_1_BEARER_REQUEST = """
                 POST /introspect HTTP/1.1
                 Host: server.example.com
                 Accept: application/json
                 Content-Type: application/x-www-form-urlencoded
                 Authorization: Bearer 23410913-abewfq.123483

                 token=2YotnFZFEjr1zCsicMWpAA
            """;

    // RFC 7662 §2.1 (introspection request with client authentication and a hint)
    static final String RFC7662_2_1_BASIC_REQUEST = """
                 POST /introspect HTTP/1.1
                 Host: server.example.com
                 Accept: application/json
                 Content-Type: application/x-www-form-urlencoded
                 Authorization: Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW

                 token=mF_9.B5f-4.1JqM&token_type_hint=access_token
            """;

    // RFC 7662 §2.2 (response for an active token)
    static final String RFC7662_2_2_ACTIVE_RESPONSE = """
                 HTTP/1.1 200 OK
                 Content-Type: application/json

                 {
                  "active": true,
                  "client_id": "l238j323ds-23ij4",
                  "username": "jdoe",
                  "scope": "read write dolphin",
                  "sub": "Z5O3upPC88QrAjx00dis",
                  "aud": "https://protected.example.net/resource",
                  "iss": "https://server.example.com/",
                  "exp": 1419356238,
                  "iat": 1419350238,
                  "extension_field": "twenty-seven"
                 }
            """;

    // RFC 7662 §2.2 (response for an inactive token)
    static final String RFC7662_2_2_INACTIVE_RESPONSE = """
                 HTTP/1.1 200 OK
                 Content-Type: application/json

                 {
                   "active": false
                 }
            """;

    /** Every token request example above. */
    static final List<String> TOKEN_REQUESTS = List.of(
            RFC6749_2_3_1_REFRESH_WITH_SECRET,
            RFC6749_4_1_3_CODE_REQUEST,
            RFC6749_4_4_2_CLIENT_CREDENTIALS_REQUEST,
            RFC6749_4_5_SAML_EXTENSION_REQUEST,
            RFC6749_6_REFRESH_REQUEST,
            RFC8707_2_2_CODE_REQUEST,
            RFC8707_2_2_REFRESH_REQUEST,
            RFC8693_2_3_REQUEST,
            RFC8693_A_1_1_IMPERSONATION_REQUEST,
            RFC8693_A_2_1_DELEGATION_REQUEST,
            IDJAG_4_3_1_ID_TOKEN_REQUEST,
            IDJAG_4_3_2_REFRESH_TOKEN_REQUEST,
            IDJAG_4_3_4_2_RAR_REQUEST,
            IDJAG_4_3_4_2_RAR_ACCESS_TOKEN_REQUEST,
            IDJAG_4_4_REQUEST,
            IDJAG_A_4_2_5_REQUEST,
            IDJAG_A_4_2_6_REQUEST,
            RFC7523_2_1_REQUEST);

    /** Every successful token response example above. */
    static final List<String> TOKEN_RESPONSES = List.of(
            RFC6749_4_1_4_RESPONSE,
            RFC6749_4_4_3_RESPONSE,
            RFC6749_5_1_RESPONSE,
            RFC8707_2_2_CODE_RESPONSE,
            RFC8707_2_2_REFRESH_RESPONSE,
            RFC8693_2_3_RESPONSE,
            RFC8693_A_1_3_IMPERSONATION_RESPONSE,
            RFC8693_A_2_4_DELEGATION_RESPONSE,
            IDJAG_4_3_4_RESPONSE,
            IDJAG_4_3_4_2_RAR_RESPONSE,
            IDJAG_4_3_4_2_RAR_ACCESS_TOKEN_RESPONSE,
            IDJAG_4_4_2_RESPONSE,
            IDJAG_A_4_2_5_RESPONSE,
            IDJAG_A_4_2_6_RESPONSE);

    private TokenExamples() {
    }
}
