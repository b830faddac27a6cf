namespace LoadBalancer.Tests.Configuration;

internal static class ConfigSamples
{
    /// <summary>The example of shared/design/config.md, exactly as written there.</summary>
    public const string ConfigMdExample = """
{
  "Certificates": [
    { "CertificateId": "cert-www-ecc", "CertificateFile": "../certs/www-ecc.crt", "PrivateKeyFile": "../certs/www-ecc.key" },
    { "CertificateId": "cert-www-sm2",
      "SignCertificateFile": "../certs/www-sm2-sign.crt", "SignPrivateKeyFile": "../certs/www-sm2-sign.key",
      "EncryptCertificateFile": "../certs/www-sm2-enc.crt", "EncryptPrivateKeyFile": "../certs/www-sm2-enc.key" }
  ],
  "CaCertificates": [
    { "CertificateId": "ca-clients", "CertificateFile": "../certs/client-ca.crt" }
  ],
  "SecurityPolicies": [
    { "SecurityPolicyId": "sp-modern", "TLSVersions": ["TLSv1.2", "TLSv1.3"],
      "Ciphers": ["ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "TLS_AES_128_GCM_SHA256"] }
  ],
  "ServerGroups": [
    { "ServerGroupId": "sgp-web", "Protocol": "HTTP", "Scheduler": "Wrr",
      "Servers": [ { "ServerIp": "127.0.0.1", "Port": 5080, "Weight": 100 } ] },
    { "ServerGroupId": "sgp-tcp", "Protocol": "TCP",
      "Servers": [ { "ServerIp": "127.0.0.1", "Port": 6000, "Weight": 100 } ] }
  ],
  "LoadBalancers": [
    { "LoadBalancerId": "alb-local", "LoadBalancerType": "ALB", "LoadBalancerEdition": "Standard",
      "Address": "0.0.0.0",
      "Listeners": [
        { "ListenerId": "lsn-https", "ListenerProtocol": "HTTPS", "ListenerPort": 8443,
          "Certificates": [ { "CertificateId": "cert-www-ecc" } ],
          "AdditionalCertificates": [ { "CertificateId": "cert-www-sm2" } ],
          "SecurityPolicyId": "tls_cipher_policy_1_2",
          "CaEnabled": false, "CaCertificates": [ { "CertificateId": "ca-clients" } ],
          "DefaultActions": [ { "Type": "ForwardGroup",
            "ForwardGroupConfig": { "ServerGroupTuples": [ { "ServerGroupId": "sgp-web" } ] } } ],
          "XForwardedForConfig": { "XForwardedForEnabled": true, "XForwardedForProtoEnabled": true } }
      ] },
    { "LoadBalancerId": "nlb-local", "LoadBalancerType": "NLB", "Address": "0.0.0.0",
      "Listeners": [
        { "ListenerId": "lsn-tcpssl", "ListenerProtocol": "TCPSSL", "ListenerPort": 9443,
          "CertificateIds": ["cert-www-ecc"], "AdditionalCertificateIds": [],
          "CaEnabled": false, "CaCertificateIds": [],
          "SecurityPolicyId": "tls_cipher_policy_1_2", "ServerGroupId": "sgp-tcp" }
      ] }
  ]
}
""";

    /// <summary>A complete valid file in the shape of config.md (without its NLB and SM2 parts).</summary>
    public const string ValidFull = """
{
  // The shape of config.md without the NLB and SM2 parts, plus rules and a demo backend.
  "Certificates": [
    { "CertificateId": "cert-www-ecc", "CertificateFile": "../certs/www-ecc.crt", "PrivateKeyFile": "../certs/www-ecc.key" },
    { "CertificateId": "cert-api-rsa", "CertificateFile": "../certs/api-rsa.crt", "PrivateKeyFile": "../certs/api-rsa.key" },
  ],
  "CaCertificates": [
    { "CertificateId": "ca-clients", "CertificateFile": "../certs/client-ca.crt" }
  ],
  "SecurityPolicies": [
    { "SecurityPolicyId": "sp-modern", "TLSVersions": ["TLSv1.2", "TLSv1.3"],
      "Ciphers": ["ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "TLS_AES_128_GCM_SHA256"] }
  ],
  "ServerGroups": [
    { "ServerGroupId": "sgp-web", "Protocol": "HTTP", "Scheduler": "Wrr",
      "Servers": [ { "ServerIp": "127.0.0.1", "Port": 5080, "Weight": 100 } ] },
    { "ServerGroupId": "sgp-api", "Protocol": "HTTP", "Scheduler": "Wlc",
      "Servers": [ { "ServerIp": "127.0.0.1", "Port": 5081 }, { "ServerIp": "::1", "Port": 5081, "Weight": 0 } ] }
  ],
  "DemoBackends": [ { "DemoBackendId": "demo-web", "Address": "127.0.0.1", "Port": 5080 } ],
  "LoadBalancers": [
    { "LoadBalancerId": "alb-local", "LoadBalancerType": "ALB", "LoadBalancerEdition": "Standard",
      "Address": "0.0.0.0",
      "Listeners": [
        { "ListenerId": "lsn-https", "ListenerProtocol": "HTTPS", "ListenerPort": 8443,
          "Certificates": [ { "CertificateId": "cert-www-ecc" } ],
          "AdditionalCertificates": [ { "CertificateId": "cert-api-rsa" } ],
          "SecurityPolicyId": "sp-modern", "Http2Enabled": true, "IdleTimeout": 15, "RequestTimeout": 60,
          "CaEnabled": false, "CaCertificates": [ { "CertificateId": "ca-clients" } ],
          "DefaultActions": [ { "Type": "ForwardGroup",
            "ForwardGroupConfig": { "ServerGroupTuples": [ { "ServerGroupId": "sgp-web" } ] } } ],
          "Rules": [ { "RuleId": "rule-api", "Priority": 10,
            "RuleConditions": [ { "Type": "Host", "HostConfig": { "Values": ["api.example.com", "*.api.example.com"] } },
                                { "Type": "Path", "PathConfig": { "Values": ["/v1/*"] } } ],
            "RuleActions": [ { "Type": "ForwardGroup",
              "ForwardGroupConfig": { "ServerGroupTuples": [ { "ServerGroupId": "sgp-api" } ] } } ] } ],
          "XForwardedForConfig": { "XForwardedForEnabled": true, "XForwardedForProtoEnabled": true,
            "XForwardedForClientCertSubjectDNEnabled": false, "XForwardedForClientCertSubjectDNAlias": "x-client-dn" },
          "QuicConfig": { "QuicUpgradeEnabled": false } },
        { "ListenerId": "lsn-http", "ListenerProtocol": "HTTP", "ListenerPort": 8080,
          "DefaultActions": [ { "Type": "ForwardGroup",
            "ForwardGroupConfig": { "ServerGroupTuples": [ { "ServerGroupId": "sgp-web", "Weight": 100 } ] } } ] },
      ] }
  ]
}
""";
}
