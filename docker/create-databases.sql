-- One database per service, each owned by its own user.
CREATE USER pin WITH PASSWORD 'pin';
CREATE DATABASE pin OWNER pin;
CREATE USER scheduler WITH PASSWORD 'scheduler';
CREATE DATABASE scheduler OWNER scheduler;
CREATE USER reservation WITH PASSWORD 'reservation';
CREATE DATABASE reservation OWNER reservation;
