namespace LoadBalancer.Tests.Support;

/// <summary>What a client process printed and how it exited.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string All => StandardOutput + StandardError;
}
