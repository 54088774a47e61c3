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
ENV JAVA_OPTS="-Xmx256m -XX:+UseSerialGC"
USER 1001
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
