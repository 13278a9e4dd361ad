# pactum in a container: Debian 12, a shell, `pactum` on PATH. The build steps are the ones CI
# runs (scripts/setup.sh installs the Debian packages; CMake builds).
#   docker build -t pactum .
#   docker run --rm -v "$PWD:/work" -w /work pactum check agreement.terms log.yaml
FROM debian:12
COPY . /src/pactum
RUN PACTUM_NO_TEST_TOOLS=1 /src/pactum/scripts/setup.sh \
 && cmake -S /src/pactum -B /src/pactum/build -DCMAKE_BUILD_TYPE=Release \
 && cmake --build /src/pactum/build -j"$(nproc)" --target pactum \
 && install -m 0755 /src/pactum/build/pactum /usr/local/bin/pactum \
 && rm -rf /src/pactum/build
ENTRYPOINT ["pactum"]
