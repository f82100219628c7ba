import { Module } from '@nestjs/common';
import { MailSettingsController, NoticesController } from './notices.controller';
import { NoticesService } from './notices.service';

@Module({ controllers: [NoticesController, MailSettingsController], providers: [NoticesService] })
export class NoticesModule {}
