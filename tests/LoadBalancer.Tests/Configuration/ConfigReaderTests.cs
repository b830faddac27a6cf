using LoadBalancer.Configuration;

namespace LoadBalancer.Tests.Configuration;

public sealed class ConfigReaderTests
{
    private const string Path = "config/loadbalancer.json";

    [Fact]
    public void ReadsTheFullValidFileWithCommentsAndTrailingCommas()
    {
        var result = ConfigReader.Parse(ConfigSamples.ValidFull, Path);

        ErrorAssert.None(result.Errors);
        Assert.NotNull(result.File);
        Assert.Equal(Path, result.File.Path);
        var listener = result.File.Config.LoadBalancers[0].Listeners[0];
        Assert.Equal("lsn-https", listener.ListenerId);
        Assert.Equal("x-client-dn", listener.XForwardedForConfig!.XForwardedForClientCertSubjectDNAlias);
        Assert.Equal(100, result.File.Config.ServerGroups[1].Servers[0].Weight);
    }

    [Fact]
    public void ReadsTheConfigMdExampleAsWritten()
    {
        var result = ConfigReader.Parse(ConfigSamples.ConfigMdExample, Path);

        ErrorAssert.None(result.Errors);
        Assert.Equal("nlb-local", result.File!.Config.LoadBalancers[1].LoadBalancerId);
    }

    [Fact]
    public void MissingFileIsOneErrorNamingThePath()
    {
        var missing = System.IO.Path.Combine(System.IO.Path.GetTempPath(), Guid.NewGuid().ToString("N"), "nope.json");

        var result = ConfigReader.Read(missing);

        Assert.Null(result.File);
        var error = Assert.Single(result.Errors);
        Assert.Equal(missing, error.Resource);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsAFileFromDisk()
    {
        var file = System.IO.Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, ConfigSamples.ValidFull);

            var result = ConfigReader.Read(file);

            ErrorAssert.None(result.Errors);
            Assert.Equal(file, result.File!.Path);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void SyntaxErrorReportsLineAndColumn()
    {
        const string json = "{\n  \"Certificates\": [\n    { \"CertificateId\": \"a\" \"CertificateFile\": \"b\" }\n  ]\n}";

        var result = ConfigReader.Parse(json, Path);

        Assert.Null(result.File);
        var error = Assert.Single(result.Errors);
        Assert.Equal(Path, error.Resource);
        Assert.Contains("line 3, column 28", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKeysAtSeveralDepthsAreAllReportedWithSuggestions()
    {
        const string json = """
            {
              "Certificate": [],
              "LoadBalancers": [
                { "LoadBalancerId": "alb-local", "LoadBalancerType": "ALB", "Adress": "0.0.0.0",
                  "Listeners": [
                    { "ListenerId": "lsn-https", "ListenerProtocol": "HTTPS", "ListenerPort": 8443, "Htp2Enabled": true,
                      "XForwardedForConfig": { "XForwardedForProtEnabled": true },
                      "Rules": [ { "RuleId": "r", "Priority": 1, "RuleConditions": [ { "Type": "Host", "hostConfig": {} } ] } ] },
                    { "ListenerProtocol": "HTTP", "ListenerPort": 80, "Frobnicate": 1 }
                  ] }
              ],
              "ServerGroups": [ { "ServerGroupId": "sgp-web", "Servers": [ { "ServerIP": "127.0.0.1" } ] } ]
            }
            """;

        var result = ConfigReader.Parse(json, Path);

        Assert.Null(result.File);
        var errors = result.Errors;
        ErrorAssert.Has(errors, Path, "Certificate", "unknown key 'Certificate' (did you mean 'Certificates'?)");
        ErrorAssert.Has(errors, "LoadBalancer 'alb-local'", "Adress", "(did you mean 'Address'?)");
        const string listener = "Listener 'lsn-https' (LoadBalancer 'alb-local')";
        ErrorAssert.Has(errors, listener, "Htp2Enabled", "unknown key 'Htp2Enabled' (did you mean 'Http2Enabled'?)");
        ErrorAssert.Has(errors, listener, "XForwardedForConfig.XForwardedForProtEnabled", "(did you mean 'XForwardedForProtoEnabled'?)");
        ErrorAssert.Has(errors, listener, "Rules[0].RuleConditions[0].hostConfig", "(did you mean 'HostConfig'?)");
        ErrorAssert.Has(errors, "LoadBalancers[0].Listeners[1]", "Frobnicate", "unknown key 'Frobnicate'");
        ErrorAssert.Has(errors, "ServerGroup 'sgp-web'", "Servers[0].ServerIP", "(did you mean 'ServerIp'?)");
        Assert.Equal(7, errors.Count);
    }

    [Fact]
    public void PropertyNamesAreCaseSensitive()
    {
        var result = ConfigReader.Parse("""{ "certificates": [] }""", Path);

        ErrorAssert.Has(result.Errors, Path, "certificates", "(did you mean 'Certificates'?)");
    }

    [Fact]
    public void WrongTypesAreErrorsNamingThePathNotExceptions()
    {
        const string json = """
            {
              "ServerGroups": [ { "ServerGroupId": "sgp-web", "Servers": [ { "ServerIp": "127.0.0.1", "Port": "5080", "Weight": 1.5 } ] } ],
              "LoadBalancers": [ { "LoadBalancerId": "alb-local", "Address": null, "Listeners": { } } ],
              "CaCertificates": "ca"
            }
            """;

        var result = ConfigReader.Parse(json, Path);

        Assert.Null(result.File);
        ErrorAssert.Has(result.Errors, "ServerGroup 'sgp-web'", "Servers[0].Port", "must be a whole number, not the string \"5080\"");
        ErrorAssert.Has(result.Errors, "ServerGroup 'sgp-web'", "Servers[0].Weight", "must be a whole number, not 1.5");
        ErrorAssert.Has(result.Errors, "LoadBalancer 'alb-local'", "Address", "must not be null");
        ErrorAssert.Has(result.Errors, "LoadBalancer 'alb-local'", "Listeners", "must be an array, not an object");
        ErrorAssert.Has(result.Errors, Path, "CaCertificates", "must be an array, not the string \"ca\"");
        Assert.Equal(5, result.Errors.Count);
    }

    [Fact]
    public void ABooleanGivenAsAStringIsAnError()
    {
        const string json = """{ "LoadBalancers": [ { "Listeners": [ { "ListenerId": "l", "CaEnabled": "false" } ] } ] }""";

        var result = ConfigReader.Parse(json, Path);

        ErrorAssert.Has(result.Errors, "Listener 'l' (LoadBalancers[0])", "CaEnabled", "must be true or false");
    }

    [Fact]
    public void TheRootMustBeAnObject()
    {
        var result = ConfigReader.Parse("[]", Path);

        ErrorAssert.Has(result.Errors, Path, "", "must be an object, not an array");
    }

    [Fact]
    public void DuplicateKeysAreReported()
    {
        var result = ConfigReader.Parse("""{ "Certificates": [], "Certificates": [] }""", Path);

        ErrorAssert.Has(result.Errors, Path, "Certificates", "duplicate key 'Certificates'");
    }
}
