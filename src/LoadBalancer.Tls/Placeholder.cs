namespace LoadBalancer.Tls;
internal static class Placeholder;
