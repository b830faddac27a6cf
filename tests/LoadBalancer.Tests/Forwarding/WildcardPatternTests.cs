using LoadBalancer.Forwarding;

namespace LoadBalancer.Tests.Forwarding;

public sealed class WildcardPatternTests
{
    [Theory]
    [InlineData("/api/*", "/api/", true)]
    [InlineData("/api/*", "/api/users/1", true)]
    [InlineData("/api/*", "/api", false)]
    [InlineData("/api/*", "/apiv2/x", false)]
    [InlineData("/api/*", "/api/*x", true)]
    [InlineData("*", "*abc", true)]
    [InlineData("/a*b", "/a*xb", true)]
    [InlineData("/a*b", "/a*xbc", false)]
    [InlineData("/v?/*", "/v1/x", true)]
    [InlineData("/v?/*", "/v10/x", false)]
    [InlineData("/*/edit", "/users/7/edit", true)]
    [InlineData("/exact", "/exact", true)]
    [InlineData("/exact", "/Exact", false)]
    public void PathPatternsMatchCaseSensitivelyWithStarAndQuestionMark(string pattern, string path, bool matches) =>
        Assert.Equal(matches, new WildcardPattern(pattern, StringComparison.Ordinal).IsMatch(path));

    [Theory]
    [InlineData("*.example.com", "api.example.com", true)]
    [InlineData("*.example.com", "API.Example.COM", true)]
    [InlineData("*.example.com", "example.com", false)]
    [InlineData("api.example.com", "API.EXAMPLE.COM", true)]
    [InlineData("www.example.???", "www.example.com", true)]
    public void HostPatternsIgnoreCase(string pattern, string host, bool matches) =>
        Assert.Equal(matches, new WildcardPattern(pattern, StringComparison.OrdinalIgnoreCase).IsMatch(host));
}
