using System.Diagnostics;

namespace LoadBalancer.Tests.Support;

/// <summary>Polling for something the host applies in the background (a reload), within a deadline.</summary>
public static class Poll
{
    /// <summary>Probes every 50 ms until the value satisfies the condition; fails the test once the deadline has passed.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            Assert.True(clock.Elapsed < deadline, $"not applied within {deadline.TotalSeconds} s (last value {value})");
            await Task.Delay(50);
        }
    }
}
