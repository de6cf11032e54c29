# The latency distributions of make bench (testing/scripts/bench passes lat= and out=): each contender's
# latency against the share of calls at or below it, log scale, CLI loops on the left and
# php-fpm behind nginx on the right.
set terminal pngcairo size 1400,560 font ",10"
set output out
set multiplot layout 1,2
set logscale x
set xlabel "latency per call (µs, log scale)"
set ylabel "calls at or below (%)"
set yrange [0:100]
set grid
set key bottom right
cdf(f) = sprintf("< sort -n %s/%s.txt | awk '{ a[NR] = $1 } END { for (i = 1; i <= NR; i += int(NR / 400) + 1) print a[i], 100 * i / NR; print a[NR], 100 }'", lat, f)
set title "one PHP CLI process (and Rust), 5 interleaved rounds of 1,000 calls"
plot cdf("native") with lines lw 2 title "native limit (Rust, async reqwest)", \
     cdf("core") with lines lw 2 title "click2dial-core (Rust, no PHP)", \
     cdf("makecall") with lines lw 2 title "makeCall (PHP)", \
     cdf("curl_reused") with lines lw 2 title "cURL, reused handle (PHP)", \
     cdf("curl_fresh") with lines lw 2 title "cURL, fresh handle (PHP)"
set title "php-fpm behind nginx, 8 connections (ab percentiles, median over 5 rounds)"
plot for [f in "fpm2_makecall fpm4_makecall fpm2_curl fpm4_curl"] \
     sprintf("%s/%s.pct", lat, f) using 2:1 with lines lw 2 title f noenhanced
unset multiplot
