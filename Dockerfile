# One image per service: docker build --build-arg SERVICE=pin-service .
# (docker-compose.yml builds all three.)
ARG SERVICE=pin-service

FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -pl ${SERVICE} -am package -DskipTests

FROM eclipse-temurin:17-jre
ARG SERVICE
WORKDIR /app
COPY --from=build /src/${SERVICE}/target/quarkus-app/ /app/
# An AppCDS archive is valid only for the JVM that wrote it: the one the build stage wrote is written
# again by this image's JVM, the way Quarkus' build does it (the packaged application stops after its
# static init, no database). The web console has none.
RUN if [ -f app-cds.jsa ]; then rm app-cds.jsa \
      && java -XX:ArchiveClassesAtExit=app-cds.jsa -Dquarkus.appcds.generate=true -jar quarkus-run.jar >/dev/null 2>&1 \
      && test -f app-cds.jsa; fi
# As the launcher's ServiceFleet: glibc keeps what the start-up freed unless the JVM trims its heap.
ENV JAVA_OPTS="-Xmx256m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=1000"
USER 1001
# From /app: the archive names the jars relative to the application's directory.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS $(test -f app-cds.jsa && echo -XX:SharedArchiveFile=app-cds.jsa) -jar quarkus-run.jar"]
