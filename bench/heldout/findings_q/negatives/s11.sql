-- MySQL dump 10.13  Distrib 8.0.32, for Linux (x86_64)
--
-- Host: 10.20.XX.XX    Database: ebid_archive
-- ------------------------------------------------------
-- Server version	8.0.32

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!50503 SET NAMES utf8mb4 */;
/*!40103 SET TIME_ZONE='+08:00' */;

--
-- Table structure for table `t_bid_result`
--

DROP TABLE IF EXISTS `t_bid_result`;
CREATE TABLE `t_bid_result` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `project_code` varchar(64) NOT NULL COMMENT '项目编号',
  `title` varchar(255) NOT NULL COMMENT '公告标题',
  `purchaser` varchar(128) DEFAULT NULL COMMENT '采购单位',
  `winner` varchar(255) DEFAULT NULL COMMENT '成交供应商',
  `budget_wan` decimal(14,4) DEFAULT NULL COMMENT '预算（万元）',
  `deal_wan` decimal(14,4) DEFAULT NULL COMMENT '成交金额（万元）',
  `method` varchar(32) DEFAULT NULL COMMENT '采购方式',
  `publish_time` datetime DEFAULT NULL COMMENT '发布时间',
  `content` mediumtext COMMENT '正文摘要',
  PRIMARY KEY (`id`),
  KEY `idx_pub` (`publish_time`)
) ENGINE=InnoDB AUTO_INCREMENT=21064 DEFAULT CHARSET=utf8mb4 COMMENT='结果公告归档';

--
-- Dumping data for table `t_bid_result`
--

LOCK TABLES `t_bid_result` WRITE;
/*!40000 ALTER TABLE `t_bid_result` DISABLE KEYS */;
INSERT INTO `t_bid_result` VALUES (21058,'HCCH-2023-HW-0071','禾川测绘院外业车辆保险服务成交公告','江苏禾川测绘地理信息院有限公司','中国某财产保险股份有限公司宿迁中心支公司',12.0000,10.8600,'询比价','2023-04-17 15:20:00','外业车辆14辆交强险及商业险，保险期一年。'),(21059,'HCCH-2023-HW-0074','禾川测绘院全站仪采购成交公告','江苏禾川测绘地理信息院有限公司','宿迁测途仪器设备有限公司',28.0000,25.8000,'询比价','2023-04-18 09:45:00','<p>成交内容：拓普康（Topcon）GPT-3000LN系列免棱镜全站仪6台（测角精度2″，免棱镜测程≥1200m），含三脚架、棱镜组及检定证书。</p><p>说明：GPT系列为原厂型号，投标人须提供原厂授权；不接受翻新机。</p>'),(21060,'HCCH-2023-HW-0075','禾川测绘院GNSS接收机采购成交公告','江苏禾川测绘地理信息院有限公司','南京星测导航技术有限公司',36.0000,33.4000,'询比价','2023-04-18 10:10:00','国产GNSS RTK接收机10套，支持北斗三号全频点。'),(21061,'HCCH-2023-FW-0079','禾川测绘院档案库房消防维保服务成交公告','江苏禾川测绘地理信息院有限公司','宿迁安泰消防工程有限公司',6.0000,5.5000,'询比价','2023-04-19 14:00:00','气体灭火系统年度维保。'),(21062,'HCCH-2023-HW-0082','禾川测绘院办公耗材采购成交公告','江苏禾川测绘地理信息院有限公司','宿迁文博办公用品有限公司',8.0000,7.3200,'询比价','2023-04-20 16:35:00','硒鼓、复印纸等，框架供货一年。');
/*!40000 ALTER TABLE `t_bid_result` ENABLE KEYS */;
UNLOCK TABLES;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

-- Dump completed on 2023-05-01  02:00:11
