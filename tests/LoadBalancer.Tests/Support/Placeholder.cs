namespace LoadBalancer.Tests.Support;

internal static class Placeholder;
